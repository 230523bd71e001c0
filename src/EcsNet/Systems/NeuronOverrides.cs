using EcsNet.ActivationFunctions;
using EcsNet.Components;

namespace EcsNet.Systems;

/// <summary>
/// Per-neuron models inside the layer passes: a neuron with <see cref="OwnFunction"/> uses its own f, and one with a
/// <see cref="Mask"/> scales its output and δ by r. The layer's function runs on the whole layer first (that keeps
/// the common case one vectorised call); the few overridden rows are then recomputed, so both pass modes honour them.
/// </summary>
internal static class NeuronOverrides
{
    /// <summary>
    /// Marks in <paramref name="layers"/> every layer with an overridden neuron, so a pass over a layer without any
    /// pays nothing; refuses an override on an input neuron.
    /// </summary>
    public static void FindLayers(Network network, bool[] layers)
    {
        Array.Clear(layers);
        Mark(network.World, NetworkQueries.NeuronsWithOwnFunction, "an OwnFunction", layers);
        Mark(network.World, NetworkQueries.MaskedNeurons, "a Mask", layers);
    }

    private static void Mark(World world, in QueryDescription query, string component, bool[] layers)
    {
        foreach (ref var chunk in world.Query(in query))
        {
            foreach (var neuron in chunk.GetSpan<Neuron>()[..chunk.Count])
            {
                CheckNotInput(neuron, component);
                layers[neuron.Layer] = true;
            }
        }
    }

    /// <summary>After a = f(z) for <paramref name="layer"/>: a_j = r_j f_j(z_j) for the overridden neurons.</summary>
    public static void Forward(Network network, int layer)
    {
        var batch = network.Batch;
        var m = batch.Size;
        foreach (ref var chunk in network.World.Query(in NetworkQueries.NeuronsWithOwnFunction))
        {
            chunk.GetSpan<Neuron, OwnFunction>(out var neurons, out var own);
            for (var r = 0; r < chunk.Count; r++)
            {
                if (neurons[r].Layer == layer)
                {
                    CheckElementwise(network, layer);
                    var slot = neurons[r].Slot;
                    own[r].Function.Forward(batch.Z.AsSpan(slot * m, m), batch.A.AsSpan(slot * m, m), 1, m);
                }
            }
        }

        foreach (ref var chunk in network.World.Query(in NetworkQueries.MaskedNeurons))
        {
            chunk.GetSpan<Neuron, Mask>(out var neurons, out var masks);
            for (var r = 0; r < chunk.Count; r++)
            {
                if (neurons[r].Layer == layer)
                {
                    CheckElementwise(network, layer);
                    System.Numerics.Tensors.TensorPrimitives.Multiply(batch.A.AsSpan(neurons[r].Slot * m, m), masks[r].Value, batch.A.AsSpan(neurons[r].Slot * m, m));
                }
            }
        }
    }

    /// <summary>
    /// After δ = f′(z) ⊙ g for <paramref name="layer"/>: δ_j = r_j f_j′(z_j) g_j for the overridden neurons, with f_j′
    /// taken at the unmasked f_j(z_j) (a masked a is no longer f(z), which sigmoid and tanh read their slope from).
    /// </summary>
    public static void Backward(Network network, int layer)
    {
        var world = network.World;
        foreach (ref var chunk in world.Query(in NetworkQueries.NeuronsWithOwnFunction))
        {
            chunk.GetSpan<Neuron, OwnFunction>(out var neurons, out var own);
            for (var r = 0; r < chunk.Count; r++)
            {
                if (neurons[r].Layer == layer && !world.Has<Mask>(chunk.Entity(r)))
                {
                    Recompute(network, neurons[r].Slot, own[r].Function, 1f);
                }
            }
        }

        foreach (ref var chunk in world.Query(in NetworkQueries.MaskedNeurons))
        {
            chunk.GetSpan<Neuron, Mask>(out var neurons, out var masks);
            for (var r = 0; r < chunk.Count; r++)
            {
                if (neurons[r].Layer == layer)
                {
                    var f = world.TryGet<OwnFunction>(chunk.Entity(r), out var own) ? own.Function : network.Layers[layer].Function!;
                    Recompute(network, neurons[r].Slot, f, masks[r].Value);
                }
            }
        }
    }

    private static void Recompute(Network network, int slot, IActivationFunction f, float rate)
    {
        CheckElementwise(network, network.Position(slot).Layer);
        var batch = network.Batch;
        var m = batch.Size;
        var z = batch.Z.AsSpan(slot * m, m);
        var unmasked = batch.Scratch.AsSpan(0, m);
        f.Forward(z, unmasked, 1, m);
        var delta = batch.D.AsSpan(slot * m, m);
        f.Backward(z, unmasked, batch.G.AsSpan(slot * m, m), delta, 1, m);
        System.Numerics.Tensors.TensorPrimitives.Multiply(delta, rate, delta);
    }

    /// <summary>The forward pass starts at layer 1, so an input's override would never be read: refuse it rather than ignore it.</summary>
    private static void CheckNotInput(Neuron neuron, string component)
    {
        if (neuron.Layer == 0)
        {
            throw new InvalidOperationException(
                $"input neuron {neuron.Index} has {component}: an input passes x_k on as it is, with no f(z) to replace or scale (change the inputs before loading them instead)");
        }
    }

    private static void CheckElementwise(Network network, int layer)
    {
        if (network.Layers[layer].Function is Softmax)
        {
            throw new InvalidOperationException(
                $"layer {layer} is a softmax layer: its neurons cannot have their own activation or a mask (softmax couples the whole layer)");
        }
    }
}
