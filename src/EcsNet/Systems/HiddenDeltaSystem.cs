namespace EcsNet.Systems;

/// <summary>
/// Backpropagation of the error, layer by layer backwards: δ_k^l = f′(z_k^l) Σ_j w_jk δ_j over every synapse leaving
/// neuron k (into the next layer or, with skip connections, any later one).
/// </summary>
public sealed class HiddenDeltaSystem : ISystem<StepContext>
{
    internal HiddenDeltaSystem()
    {
    }

    /// <inheritdoc/>
    public void Update(StepContext context)
    {
        var network = context.Network;
        var layers = network.LayerSpan;
        var last = layers.Length - 1;
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

        var structure = network.CurrentStructure();
        var plan = structure.Plan;
        var passes = network.SynapsePasses;
        for (var t = last; t >= 2; t--)
        {
            // g_k += w_jk δ_j for synapses into layer t; the input layer has no δ, so its synapses are skipped.
            passes.Backward(network, plan, t, d, g, m, firstHidden);

            // Every synapse leaving layer t − 1 ends in layer t or later, all visited: its δ is complete.
            var layer = layers[t - 1];
            layer.Function!.Backward(
                batch.Rows(batch.Z, layer.FirstSlot, layer.Size),
                batch.Rows(batch.A, layer.FirstSlot, layer.Size),
                batch.Rows(g, layer.FirstSlot, layer.Size),
                batch.Rows(d, layer.FirstSlot, layer.Size),
                layer.Size,
                m);
            if (structure.HasOverridesIn(t - 1))
            {
                NeuronOverrides.Backward(network, t - 1);
            }
        }
    }
}
