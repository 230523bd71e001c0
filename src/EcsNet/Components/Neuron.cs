namespace EcsNet.Components;

/// <summary>Where neuron j of layer l sits: its layer l, its index j within the layer, and its dense slot in the network.</summary>
public struct Neuron
{
    /// <summary>The layer l (0 = input).</summary>
    public int Layer;

    /// <summary>The index j within the layer.</summary>
    public int Index;

    /// <summary>The dense slot: the row of this neuron in the network's batch buffers; never changes.</summary>
    public int Slot;
}
