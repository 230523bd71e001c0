using System.Numerics.Tensors;
using EcsNet.Components;
using EcsNet.Kernels;

namespace EcsNet.Systems;

/// <summary>
/// ∂C/∂w_jk += Σ_x a_k δ_j on every synapse and ∂C/∂b_j += Σ_x δ_j on every neuron, summed over the batch's samples.
/// </summary>
/// <remarks>
/// Built with <c>descend: true</c> it is the fused gradient-descent step of plain SGD: fed with δ′ = −η/m · δ it adds
/// Σ_x a_k δ′_j straight to w_jk and b_j, so the gradient is never stored and re-read. Every δ is final before this
/// pass starts, so changing the weights here cannot disturb the backpropagation.
/// </remarks>
internal sealed class GradientAccumulationSystem(bool descend = false) : ISystem<Network>
{
    // The fused step writes into the biases themselves, so it must pass over the frozen ones.
    private static readonly QueryDescription UnfrozenBiases = new QueryDescription().WithAll<Neuron, Bias, BiasGradient>().WithNone<Frozen>();

    private readonly GradientTileJob _tiles = new();

    public void Update(Network network)
    {
        var batch = network.Batch;
        var m = batch.Size;
        var a = batch.A;
        var d = descend ? ScaledDeltas(network) : batch.D;
        var plan = network.EnsurePlan();

        if (network.PassMode == PassMode.Reference)
        {
            RowPasses.Gradient(plan.All, plan.Chunks, a, d, m, descend);
        }
        else
        {
            // The tiles read activations sample-major, as the feedforward pass left them.
            _tiles.Set(plan, plan.AllTiles, m);
            _tiles.SampleMajor = batch.AT;
            _tiles.Stride = network.NeuronCount;
            _tiles.A = a;
            _tiles.D = d;
            _tiles.IntoWeights = descend;
            long work = 0;
            for (var l = 1; l < network.Layers.Count; l++)
            {
                work += plan.TileWork(l);
            }

            network.RunTiles(_tiles, work * m);
            RowPasses.Gradient(plan.AllSparse, plan.Chunks, a, d, m, descend);
        }

        foreach (ref var chunk in network.World.Query(descend ? UnfrozenBiases : Network.BiasedNeuronQuery))
        {
            chunk.GetSpan<Neuron, Bias, BiasGradient>(out var neurons, out var biases, out var gradients);
            for (var r = 0; r < chunk.Count; r++)
            {
                var sum = TensorPrimitives.Sum<float>(d.AsSpan(neurons[r].Slot * m, m));
                if (descend)
                {
                    biases[r].Value += sum;
                }
                else
                {
                    gradients[r].Value += sum;
                }
            }
        }

        NeuronMirror.WriteDeltas(network);
    }

    /// <summary>−η/m · δ for every non-input neuron, in the G buffer (free once the hidden deltas are done).</summary>
    private static float[] ScaledDeltas(Network network)
    {
        var batch = network.Batch;
        var from = network.InputSize * batch.Size;
        var count = (network.NeuronCount - network.InputSize) * batch.Size;
        TensorPrimitives.Multiply(batch.D.AsSpan(from, count), -network.PendingUpdate.LearningRate * network.PendingUpdate.Scale, batch.G.AsSpan(from, count));
        return batch.G;
    }
}
