using EcsNet.Components;

namespace EcsNet.Systems;

/// <summary>
/// Copies the first sample's z, a and δ of every neuron from the batch buffers into its <see cref="NetInput"/>,
/// <see cref="Activation"/> and <see cref="Delta"/> components, so a query on neurons sees the numbers of the lecture's
/// one-sample view. It costs one pass over the neurons, nothing per synapse.
/// </summary>
internal static class NeuronMirror
{
    public static void WriteForward(Network network, NetworkStructure structure)
    {
        var batch = network.Batch;
        var m = batch.Size;
        var a = batch.A;
        var z = batch.Z;

        // Neurons with both components (every non-input neuron a builder makes) are written in one walk: on a tiny
        // network each chunk visited costs more than the values copied.
        foreach (ref var chunk in structure.Neurons(NeuronSet.ActivationsAndNetInputs))
        {
            chunk.GetSpan<Neuron, Activation, NetInput>(out var neurons, out var activations, out var netInputs);
            for (var r = 0; r < chunk.Count; r++)
            {
                var at = neurons[r].Slot * m;
                activations[r].Value = a[at];
                netInputs[r].Value = z[at];
            }
        }

        foreach (ref var chunk in structure.Neurons(NeuronSet.ActivationsOnly))
        {
            chunk.GetSpan<Neuron, Activation>(out var neurons, out var values);
            for (var r = 0; r < chunk.Count; r++)
            {
                values[r].Value = a[neurons[r].Slot * m];
            }
        }

        foreach (ref var chunk in structure.Neurons(NeuronSet.NetInputsOnly))
        {
            chunk.GetSpan<Neuron, NetInput>(out var neurons, out var values);
            for (var r = 0; r < chunk.Count; r++)
            {
                values[r].Value = z[neurons[r].Slot * m];
            }
        }
    }

    public static void WriteDeltas(Network network, NetworkStructure structure)
    {
        var batch = network.Batch;
        var m = batch.Size;
        var d = batch.D;
        foreach (ref var chunk in structure.Neurons(NeuronSet.Deltas))
        {
            chunk.GetSpan<Neuron, Delta>(out var neurons, out var values);
            for (var r = 0; r < chunk.Count; r++)
            {
                values[r].Value = d[neurons[r].Slot * m];
            }
        }
    }
}
