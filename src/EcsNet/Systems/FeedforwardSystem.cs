using EcsNet.Components;
using EcsNet.Kernels;

namespace EcsNet.Systems;

/// <summary>
/// Forward propagation, layer by layer: z_j^l = b_j^l + Σ_k w_jk^l a_k, then a_j^l = f(z_j^l), for all m samples.
/// </summary>
internal sealed class FeedforwardSystem : ISystem<Network>
{
    private readonly ForwardTileJob _tiles = new();

    public void Update(Network network)
    {
        var batch = network.Batch;
        var m = batch.Size;
        var z = batch.Z;
        var a = batch.A;

        // z_j ← b_j: every neuron with a bias starts its sum from it, every neuron of a layer without biases from 0.
        foreach (var layer in network.Layers)
        {
            if (layer.Index > 0 && !layer.HasBias)
            {
                batch.Rows(z, layer.FirstSlot, layer.Size).Clear();
            }
        }

        foreach (ref var chunk in network.World.Query(in Network.BiasedNeuronQuery))
        {
            chunk.GetSpan<Neuron, Bias>(out var neurons, out var biases);
            for (var r = 0; r < chunk.Count; r++)
            {
                z.AsSpan(neurons[r].Slot * m, m).Fill(biases[r].Value);
            }
        }

        var plan = network.EnsurePlan();
        var layers = network.Layers;
        for (var l = 1; l < layers.Count; l++)
        {
            // z_j += w_jk a_k for every synapse into layer l; all earlier layers are final by now.
            if (network.PassMode == PassMode.Reference)
            {
                RowPasses.Forward(plan.Into(l), plan.Chunks, a, z, m);
            }
            else
            {
                _tiles.Set(plan, plan.TilesInto(l), m);
                _tiles.A = a;
                _tiles.Z = z;
                network.RunTiles(_tiles, plan.TileWork(l) * m);
                RowPasses.Forward(plan.SparseInto(l), plan.Chunks, a, z, m);
            }

            var layer = layers[l];
            layer.Activation!.Forward(batch.Rows(z, layer.FirstSlot, layer.Size), batch.Rows(a, layer.FirstSlot, layer.Size), layer.Size, m);

            // The gradient pass reads a sample-major copy (the inputs arrive that way).
            if (l < layers.Count - 1)
            {
                batch.SampleMajorActivations(layer.FirstSlot, layer.FirstSlot + layer.Size);
            }
        }

        NeuronMirror.WriteForward(network);
    }
}
