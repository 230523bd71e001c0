using EcsNet.ActivationFunctions;
using EcsNet.Components;

namespace EcsNet;

/// <summary>
/// Layer l of a <see cref="Network"/>: a handle on the layer's entity. Its index, size and neuron slots are read once
/// from the entity's <see cref="Layer"/> component, which stays their record in the world: the network checks before
/// every pass that the component is unchanged (the batch buffers are laid out by it) and refuses to run if it is not.
/// The activation function lives here because a component cannot hold one.
/// </summary>
public sealed class NetworkLayer
{
    internal NetworkLayer(World world, Entity entity, IActivationFunction? function, bool hasBias = true)
    {
        HasBias = hasBias && function is not null;
        Entity = entity;
        Function = function;
        var component = world.Get<Layer>(entity);
        Index = component.Index;
        Size = component.Size;
        FirstSlot = component.FirstSlot;
    }

    /// <summary>The layer index l (0 = input).</summary>
    public int Index { get; }

    /// <summary>The number of neurons n_l.</summary>
    public int Size { get; }

    /// <summary>The slot of neuron 0; neuron j has slot <c>FirstSlot + j</c>.</summary>
    public int FirstSlot { get; }

    /// <summary>f, the layer's activation function; null for the input layer, whose activations are the data.</summary>
    public IActivationFunction? Function { get; }

    /// <summary>Whether the layer's neurons carry a bias b_j^l (false for the input layer and for layers built without
    /// biases, as in Utah's Z = XW).</summary>
    public bool HasBias { get; }

    /// <summary>The layer's entity (it carries the <see cref="Layer"/> component).</summary>
    public Entity Entity { get; }

    /// <inheritdoc />
    public override string ToString() => Function is null ? $"layer {Index}: {Size} inputs" : $"layer {Index}: {Size} {Function.Name}";
}
