namespace EcsNet.Components;

/// <summary>Tag: the neuron belongs to the input layer (l = 0); it has no bias and no delta.</summary>
public struct InputNeuron
{
}
