using EcsNet.Components;

namespace EcsNet.Systems;

/// <summary>
/// Forward propagation, layer by layer: z_j^l = b_j^l + Σ_k w_jk^l a_k, then a_j^l = f(z_j^l), for all m samples.
/// </summary>
public sealed class FeedforwardSystem : ISystem<StepContext>
{
    internal FeedforwardSystem()
    {
    }

    /// <inheritdoc/>
    public void Update(StepContext context)
    {
        var network = context.Network;
        var batch = network.Batch;
        var m = batch.Size;
        var z = batch.Z;
        var a = batch.A;
        var layers = network.LayerSpan;

        var structure = network.CurrentStructure();

        // z_j ← b_j, or 0 for a neuron without a bias.
        batch.Rows(z, network.InputSize, network.NeuronCount - network.InputSize).Clear();
        foreach (ref var chunk in structure.Neurons(NeuronSet.Biased))
        {
            chunk.GetSpan<Neuron, Bias>(out var neurons, out var biases);
            for (var r = 0; r < chunk.Count; r++)
            {
                z.AsSpan(neurons[r].Slot * m, m).Fill(biases[r].Value);
            }
        }

        var plan = structure.Plan;
        var passes = network.SynapsePasses;
        for (var l = 1; l < layers.Length; l++)
        {
            // z_j += w_jk a_k for every synapse into layer l; all earlier layers are final by now.
            passes.Forward(network, plan, l, a, z, m);

            var layer = layers[l];
            layer.Function!.Forward(batch.Rows(z, layer.FirstSlot, layer.Size), batch.Rows(a, layer.FirstSlot, layer.Size), layer.Size, m);
            if (structure.HasOverridesIn(l))
            {
                NeuronOverrides.Forward(network, l);
            }
        }

        NeuronMirror.WriteForward(network, structure);
    }
}
