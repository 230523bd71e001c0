namespace EcsNet.Components;

/// <summary>Tag: the neuron belongs to the output layer L.</summary>
public struct OutputNeuron
{
}
