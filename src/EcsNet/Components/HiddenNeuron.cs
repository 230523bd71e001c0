namespace EcsNet.Components;

/// <summary>Tag: the neuron belongs to a hidden layer (0 &lt; l &lt; L).</summary>
public struct HiddenNeuron
{
}
