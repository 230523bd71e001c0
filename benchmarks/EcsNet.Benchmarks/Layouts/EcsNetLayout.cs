using EcsNet.Baselines;
using EcsNet.Training;
using EcsNetwork = EcsNet.Network;

namespace EcsNet.Benchmarks.Layouts;

/// <summary>
/// The EcsNet layout of every workload: the real library — neuron and synapse entities, weights in
/// <c>Weight</c> components, the passes as systems — built by <see cref="NetworkSetup.BuildNetwork"/> (same initial
/// weights, same pruning) and stepped on the same batches as the dense and object-graph layouts.
/// </summary>
internal static class EcsNetLayout
{
    /// <summary>One mini-batch SGD step, as the other layouts take it.</summary>
    public static void Step(EcsNetwork network, ReadOnlySpan<float> inputs, ReadOnlySpan<float> targets, int m, float eta)
    {
        network.LoadBatch(inputs, targets, m);
        network.TrainStep(Optimizer.Sgd, eta);
    }

    /// <summary>
    /// Throws unless three EcsNet steps give the dense reference's weights (relative 1e-4: the sums run in a
    /// different order): numbers of a wrong implementation are worthless.
    /// </summary>
    public static string Verify(NetworkSetup setup, TrainingData data, int m)
    {
        using var ecs = setup.BuildNetwork();
        using var dense = new DenseNetwork(setup, maxBatch: m);
        for (var step = 0; step < 3; step++)
        {
            var first = step * m;
            Step(ecs, data.BatchInputs(first, m), data.BatchTargets(first, m), m, 0.5f);
            dense.TrainStep(data.BatchInputs(first, m), data.BatchTargets(first, m), m, 0.5f);
        }

        var worst = 0.0;
        foreach (var s in ecs.Synapses())
        {
            var expected = dense.Weights(s.FromLayer)[s.ToIndex * setup.Sizes[s.FromLayer] + s.FromIndex];
            worst = Math.Max(worst, Math.Abs(s.Weight - expected) / (1 + Math.Abs(expected)));
        }

        if (!(worst <= 1e-4))
        {
            throw new InvalidOperationException($"EcsNet and the dense reference disagree after 3 steps at m = {m}: worst relative weight difference {worst:E2}");
        }

        return $"EcsNet check (m = {m}): {ecs.SynapseCount} synapses agree with the dense reference, worst relative difference {worst:E1}";
    }
}
