namespace EcsNet.Components;

/// <summary>Tag: the synapse keeps its weight; training clears its gradient but never updates it.</summary>
public struct Frozen
{
}
