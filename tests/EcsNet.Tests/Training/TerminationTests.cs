using EcsNet.ActivationFunctions;
using EcsNet.Data;
using EcsNet.Training;

namespace EcsNet.Tests.Training;

/// <summary>
/// How training ends: early stopping on the validation cost (keeping the best weights), divergence (keeping the last
/// good weights) and an error threshold.
/// </summary>
public sealed class TerminationTests
{
    [Fact]
    public void EarlyStoppingStopsAfterPatienceEpochsAndKeepsTheBestWeights()
    {
        // Random labels: the validation cost cannot keep improving, so early stopping must fire.
        var random = new SeededRandom(3);
        const int n = 80;
        var inputs = Enumerable.Range(0, n * 2).Select(_ => (float)random.NextUniform(-1, 1)).ToArray();
        var targets = Enumerable.Range(0, n).Select(_ => (float)random.NextInt(2)).ToArray();
        var noise = new DataSet("noise", inputs, targets, 2, 1);

        using var net = new NetworkBuilder().Input(2).Dense(20, ActivationFunction.Sigmoid).Dense(1, ActivationFunction.Sigmoid)
            .Build(Initializer.Gaussian, seed: 3);
        const int patience = 5;
        var options = new TrainingOptions { Epochs = 500, BatchSize = 4, LearningRate = 2f, Seed = 3 };
        var trainer = new Trainer(options with { ValidationFraction = 0.25, EarlyStopPatience = patience });
        var snapshots = new List<SortedDictionary<(int, int, int, int), float>>();
        var biases = new List<float[]>();
        trainer.EpochCompleted += _ =>
        {
            snapshots.Add(TestNetworks.WeightsByEnds(net));
            biases.Add(TestNetworks.Biases(net));
        };

        var result = trainer.Train(net, noise);

        Assert.Equal(StopReason.EarlyStopping, result.StopReason);
        var costs = result.Epochs.Select(e => e.ValidationCost!.Value).ToList();
        var best = costs.IndexOf(costs.Min());
        Assert.Equal(best + 1 + patience, result.Epochs.Count); // stopped exactly `patience` epochs after the best
        Assert.Equal(snapshots[best], TestNetworks.WeightsByEnds(net)); // and restored the best epoch's weights
        Assert.Equal(biases[best], TestNetworks.Biases(net));
        Assert.NotEqual(snapshots[^1], snapshots[best]);
    }

    [Fact]
    public void DivergenceStopsAndKeepsTheLastGoodEpochsWeights()
    {
        // A linear unit on inputs of size ~10: full-batch descent with η = 1e4 multiplies the error by ~1e6 per
        // epoch, so the cost overflows to ∞ after a few epochs.
        var line = new DataSet("line", [10f, -10f, 5f, 8f, -6f, 9f], [1f, 2f, 3f], 2, 1);
        using var net = new NetworkBuilder().Input(2).Dense(1, ActivationFunction.Linear).Build(Initializer.Gaussian, seed: 1);
        var trainer = new Trainer(new TrainingOptions { Epochs = 100, BatchSize = 0, LearningRate = 1e4f });
        var snapshots = new List<SortedDictionary<(int, int, int, int), float>>();
        var biases = new List<float[]>();
        trainer.EpochCompleted += _ =>
        {
            snapshots.Add(TestNetworks.WeightsByEnds(net));
            biases.Add(TestNetworks.Biases(net));
        };

        var result = trainer.Train(net, line);

        Assert.Equal(StopReason.Diverged, result.StopReason);
        Assert.InRange(result.Epochs.Count, 1, 20);
        Assert.Equal(snapshots[^1], TestNetworks.WeightsByEnds(net));
        Assert.Equal(biases[^1], TestNetworks.Biases(net));
        Assert.True(net.ParametersAreFinite());
        Assert.Contains("diverged", result.Message);
    }

    [Fact]
    public void DivergenceInTheFirstEpochKeepsTheInitialWeights()
    {
        var line = new DataSet("line", [10f, -10f, 5f, 8f, -6f, 9f], [1f, 2f, 3f], 2, 1);
        using var net = new NetworkBuilder().Input(2).Dense(1, ActivationFunction.Linear).Build(Initializer.Gaussian, seed: 1);
        var initial = TestNetworks.WeightsByEnds(net);
        var initialBiases = TestNetworks.Biases(net);

        var result = new Trainer(new TrainingOptions { Epochs = 10, BatchSize = 1, LearningRate = 1e30f, Shuffle = false }).Train(net, line);

        Assert.Equal(StopReason.Diverged, result.StopReason);
        Assert.Empty(result.Epochs);
        Assert.Equal(initial, TestNetworks.WeightsByEnds(net));
        Assert.Equal(initialBiases, TestNetworks.Biases(net));
    }

    [Fact]
    public void TrainingStopsOnceTheCostReachesTheErrorThreshold()
    {
        using var net = TestNetworks.Xor231(2);
        const double threshold = 0.01;
        var result = new Trainer(new TrainingOptions { Epochs = 10_000, BatchSize = 4, LearningRate = 3f, ErrorThreshold = threshold })
            .Train(net, LogicGates.Xor());

        Assert.Equal(StopReason.ErrorThreshold, result.StopReason);
        Assert.True(result.Epochs.Count < 10_000);
        Assert.True(result.Last!.Value.Cost <= threshold);
        Assert.All(result.Epochs.SkipLast(1), e => Assert.True(e.Cost > threshold));
    }
}
