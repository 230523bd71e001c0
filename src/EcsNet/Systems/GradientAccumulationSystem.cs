using System.Numerics.Tensors;
using EcsNet.Components;

namespace EcsNet.Systems;

/// <summary>
/// ∂C/∂w_jk += Σ_x a_k δ_j on every synapse and ∂C/∂b_j += Σ_x δ_j on every neuron, summed over the batch's samples.
/// </summary>
/// <remarks>
/// In a fused step of plain SGD (<see cref="StepContext"/> says which) it is the gradient-descent step itself: fed with
/// δ′ = −η/m · δ it adds Σ_x a_k δ′_j straight to w_jk and b_j, so the gradient is never stored and re-read. Every δ
/// is final before this pass starts, so changing the weights here cannot disturb the backpropagation. It writes into
/// the biases themselves then, so it passes over the frozen ones.
/// </remarks>
public sealed class GradientAccumulationSystem : ISystem<StepContext>
{
    internal GradientAccumulationSystem()
    {
    }

    /// <inheritdoc/>
    public void Update(StepContext context)
    {
        var network = context.Network;
        var batch = network.Batch;
        var m = batch.Size;
        var descend = context.Descend;
        var d = descend ? ScaledDeltas(network, context.Settings.LearningRate * context.Settings.Scale) : batch.D;
        var structure = network.CurrentStructure();
        var plan = structure.Plan;
        network.SynapsePasses.Gradient(network, plan, batch.A, d, m, intoWeights: descend);

        foreach (ref var chunk in structure.Neurons(descend ? NeuronSet.TrainableBiases : NeuronSet.Biases))
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

        NeuronMirror.WriteDeltas(network, structure);
    }

    /// <summary>−η/m · δ for every non-input neuron, in the G buffer (free once the hidden deltas are done).</summary>
    private static float[] ScaledDeltas(Network network, float etaOverM)
    {
        var batch = network.Batch;
        var from = network.InputSize * batch.Size;
        var count = (network.NeuronCount - network.InputSize) * batch.Size;
        TensorPrimitives.Multiply(batch.D.AsSpan(from, count), -etaOverM, batch.G.AsSpan(from, count));
        return batch.G;
    }
}
