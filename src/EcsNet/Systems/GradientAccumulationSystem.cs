using System.Numerics.Tensors;
using EcsNet.Components;

namespace EcsNet.Systems;

/// <summary>
/// ∂C/∂w_jk += Σ_x a_k δ_j on every synapse and ∂C/∂b_j += Σ_x δ_j on every neuron, summed over the batch's samples.
/// </summary>
internal sealed class GradientAccumulationSystem : ISystem<Network>
{
    public void Update(Network network)
    {
        var batch = network.Batch;
        var m = batch.Size;
        var a = batch.A;
        var d = batch.D;
        var plan = network.EnsurePlan();

        foreach (var segment in plan.All)
        {
            ref var chunk = ref plan.Chunks[segment.Chunk];
            chunk.GetSpan<Synapse, WeightGradient>(out var synapses, out var gradients);
            for (var r = segment.Start; r < segment.Start + segment.Count; r++)
            {
                gradients[r].Value += BatchKernels.Dot(a.AsSpan(synapses[r].Source * m, m), d.AsSpan(synapses[r].Target * m, m));
            }
        }

        foreach (ref var chunk in network.World.Query(in Network.BiasedNeuronQuery))
        {
            chunk.GetSpan<Neuron, BiasGradient>(out var neurons, out var gradients);
            for (var r = 0; r < chunk.Count; r++)
            {
                gradients[r].Value += TensorPrimitives.Sum<float>(d.AsSpan(neurons[r].Slot * m, m));
            }
        }

        NeuronMirror.WriteDeltas(network);
    }
}
