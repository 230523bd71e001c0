using EcsNet.Datasets;
using EcsNet.Examples.MaxNorm;
using EcsNet.Systems;
using EcsNet.Training;

namespace EcsNet.Examples.Tests;

/// <summary>The max-norm example: the bound holds after training, binds, and one step is the plain step then a rescale.</summary>
public sealed class MaxNormTests
{
    [Fact]
    public void TrainingKeepsEveryIncomingNormWithinCAndStillClassifies()
    {
        const float c = 1.5f;
        var log = new StringWriter();
        var run = MaxNormExample.Run(maxNorm: c, epochs: 60, log: log);
        using var net = run.Net;

        var norms = HandNetwork.SquaredNorms(net).Values.Select(Math.Sqrt).ToArray();
        Assert.Equal(16 + 3, norms.Length);
        Assert.All(norms, n => Assert.True(n <= c + 1e-6, $"‖w_j‖ = {n:G9} > {c}"));
        // The bound binds: some neuron sits on it, and the system rescaled weights along the way.
        Assert.Contains(norms, n => n > c - 1e-4);
        Assert.True(run.Constraint.Rescaled > 0);
        Assert.True(run.TestAccuracy >= 0.9, $"test accuracy {run.TestAccuracy:P1}");
        Assert.Equal(run.TestAccuracy, Evaluator.Evaluate(net, run.Test).Accuracy);
        Assert.Contains($"test accuracy {run.TestAccuracy:P1}", log.ToString());
    }

    [Fact]
    public void OneStepIsTheUnconstrainedStepThenEachRowRescaledToC()
    {
        var (train, _) = Iris.Load().Split(1.0 / 3.0, seed: 7);
        int[] batch = [0, 7, 14, 21, 28, 35, 42, 49, 56, 63];
        using var constrained = MaxNormExample.Build(seed: 3);
        using var free = MaxNormExample.Build(seed: 3);

        // c = the median of the starting norms, so the step leaves some rows above it and some below.
        var start = HandNetwork.SquaredNorms(free).Values.Select(Math.Sqrt).Order().ToArray();
        var c = (float)start[start.Length / 2];
        constrained.Systems.Add(StepPhase.AfterUpdate, new MaxNormSystem(c));

        foreach (var net in new[] { constrained, free })
        {
            net.LoadBatch(train, batch);
            net.TrainStep(Optimizer.Sgd, learningRate: 0.5f);
        }

        var norms = HandNetwork.SquaredNorms(free);
        var expected = free.Synapses().ToDictionary(
            s => (s.FromLayer, s.FromIndex, s.ToLayer, s.ToIndex),
            s =>
            {
                var norm = Math.Sqrt(norms[(s.ToLayer, s.ToIndex)]);
                return norm > c ? s.Weight * c / norm : s.Weight;
            });
        var clipped = norms.Values.Count(n => Math.Sqrt(n) > c);
        Assert.InRange(clipped, 1, norms.Count - 1);

        var actual = constrained.Synapses();
        Assert.Equal(expected.Count, actual.Count);
        foreach (var s in actual)
        {
            Assert.Equal(expected[(s.FromLayer, s.FromIndex, s.ToLayer, s.ToIndex)], s.Weight, 1e-6);
        }

        // Biases are not constrained: they took the same step in both networks.
        for (var l = 1; l < free.Layers.Count; l++)
        {
            for (var j = 0; j < free.Layers[l].Size; j++)
            {
                Assert.Equal(free.GetBias(l, j), constrained.GetBias(l, j));
            }
        }
    }
}
