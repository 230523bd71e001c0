using EcsNet.Activations;

namespace EcsNet;

/// <summary>Layer l of a <see cref="Network"/>: its entity, size, neuron slots and activation function.</summary>
public sealed class NetworkLayer
{
    internal NetworkLayer(int index, int size, int firstSlot, IActivation? activation, Entity entity, bool hasBias = true)
    {
        HasBias = hasBias && activation is not null;
        Index = index;
        Size = size;
        FirstSlot = firstSlot;
        Activation = activation;
        Entity = entity;
    }

    /// <summary>The layer index l (0 = input).</summary>
    public int Index { get; }

    /// <summary>The number of neurons n_l.</summary>
    public int Size { get; }

    /// <summary>The slot of neuron 0; neuron j has slot <c>FirstSlot + j</c>.</summary>
    public int FirstSlot { get; }

    /// <summary>f for this layer; null for the input layer, whose activations are the data.</summary>
    public IActivation? Activation { get; }

    /// <summary>Whether the layer's neurons carry a bias b_j^l (false for the input layer and for layers built without
    /// biases, as in Utah's Z = XW).</summary>
    public bool HasBias { get; }

    /// <summary>The layer's entity (it carries the <see cref="Components.Layer"/> component).</summary>
    public Entity Entity { get; }

    /// <inheritdoc />
    public override string ToString() => Activation is null ? $"layer {Index}: {Size} inputs" : $"layer {Index}: {Size} {Activation.Name}";
}
