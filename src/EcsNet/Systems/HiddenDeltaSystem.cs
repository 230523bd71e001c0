using EcsNet.Kernels;

namespace EcsNet.Systems;

/// <summary>
/// Backpropagation of the error, layer by layer backwards: δ_k^l = f′(z_k^l) Σ_j w_jk δ_j over every synapse leaving
/// neuron k (into the next layer or, with skip connections, any later one).
/// </summary>
internal sealed class HiddenDeltaSystem : ISystem<Network>
{
    private readonly BackwardTileJob _tiles = new();
    private readonly BackwardSparseJob _sparse = new();

    public void Update(Network network)
    {
        var layers = network.Layers;
        var last = layers.Count - 1;
        if (last < 2)
        {
            return; // no hidden layer
        }

        var batch = network.Batch;
        var m = batch.Size;
        var d = batch.D;
        var g = batch.G;
        var firstHidden = layers[1].FirstSlot;
        batch.Rows(g, firstHidden, layers[last].FirstSlot - firstHidden).Clear();

        var plan = network.EnsurePlan();
        for (var t = last; t >= 2; t--)
        {
            // g_k += w_jk δ_j for synapses into layer t; the input layer has no δ, so its synapses are skipped.
            if (network.PassMode == PassMode.Reference)
            {
                RowPasses.Backward(plan.Into(t), plan.Chunks, d, g, m);
            }
            else
            {
                var (start, end) = plan.TileSources(t);
                _tiles.Set(plan, plan.TilesInto(t), m);
                _tiles.D = d;
                _tiles.G = g;
                _tiles.SourceStart = Math.Max(start, firstHidden);
                _tiles.SourceEnd = end;
                if (_tiles.SourceStart < _tiles.SourceEnd)
                {
                    network.RunTiles(_tiles, plan.TileWork(t) * m);
                }

                _sparse.Set(plan, t, m);
                _sparse.D = d;
                _sparse.G = g;
                _sparse.SourceStart = firstHidden;
                _sparse.SourceEnd = layers[t].FirstSlot;
                network.RunTiles(_sparse, plan.Sparse.Work(t) * m);
            }

            // Every synapse leaving layer t − 1 ends in layer t or later, all visited: its δ is complete.
            var layer = layers[t - 1];
            layer.Activation!.Backward(
                batch.Rows(batch.Z, layer.FirstSlot, layer.Size),
                batch.Rows(batch.A, layer.FirstSlot, layer.Size),
                batch.Rows(g, layer.FirstSlot, layer.Size),
                batch.Rows(d, layer.FirstSlot, layer.Size),
                layer.Size,
                m);
        }
    }
}
