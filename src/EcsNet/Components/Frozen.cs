namespace EcsNet.Components;

/// <summary>Tag: the synapse keeps its weight w_jk, or the neuron its bias b_j; training clears the gradient but never updates it.</summary>
public struct Frozen
{
}
