namespace EcsNet.Components;

/// <summary>Layer l: its index, its size n_l and the first dense slot of its neurons (slots are contiguous per layer).</summary>
public struct Layer
{
    /// <summary>The layer index l (0 = input).</summary>
    public int Index;

    /// <summary>The number of neurons n_l.</summary>
    public int Size;

    /// <summary>The slot of neuron 0 of this layer; neuron j has slot <c>FirstSlot + j</c>.</summary>
    public int FirstSlot;
}
