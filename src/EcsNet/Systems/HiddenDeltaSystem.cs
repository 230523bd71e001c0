using EcsNet.Components;

namespace EcsNet.Systems;

/// <summary>
/// Backpropagation of the error, layer by layer backwards: δ_k^l = f′(z_k^l) Σ_j w_jk δ_j over every synapse leaving
/// neuron k (into the next layer or, with skip connections, any later one).
/// </summary>
internal sealed class HiddenDeltaSystem : ISystem<Network>
{
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
            // g_k += w_jk δ_j for synapses into layer t; synapses from the input layer carry no error anywhere.
            foreach (var segment in plan.Into(t))
            {
                if (segment.SourceLayer == 0)
                {
                    continue;
                }

                ref var chunk = ref plan.Chunks[segment.Chunk];
                chunk.GetSpan<Synapse, Weight>(out var synapses, out var weights);
                for (var r = segment.Start; r < segment.Start + segment.Count; r++)
                {
                    BatchKernels.Axpy(weights[r].Value, d.AsSpan(synapses[r].Target * m, m), g.AsSpan(synapses[r].Source * m, m));
                }
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
