using EcsNet.ActivationFunctions;
using EcsNet.Data;
using EcsNet.Training;

namespace EcsNet.Tests.Training;

/// <summary>The training result's history: every epoch's metrics, in order, however many epochs a run has.</summary>
public sealed class EpochHistoryTests
{
    [Fact]
    public void TheHistoryHoldsEveryEpochInOrderAsTheEpochEventsReportedThem()
    {
        // 9,000 epochs: more than two of the history's storage segments, the first of which grows from a short array.
        using var net = new NetworkBuilder().Input(2).Dense(3, ActivationFunction.Sigmoid).Dense(1, ActivationFunction.Sigmoid).Build(seed: 1);
        var trainer = new Trainer(new TrainingOptions { Epochs = 9_000, BatchSize = 4, LearningRate = 0.5f, Seed = 1 });
        var reported = new List<EpochMetrics>();
        trainer.EpochCompleted += reported.Add;

        var result = trainer.Train(net, LogicGates.Xor());

        Assert.Equal(9_000, result.Epochs.Count);
        Assert.Equal(reported, result.Epochs);
        for (var i = 0; i < reported.Count; i++)
        {
            Assert.Equal(i + 1, result.Epochs[i].Epoch);
            Assert.Equal(reported[i], result.Epochs[i]);
        }

        Assert.Equal(reported[^1], result.Last);
        Assert.Throws<ArgumentOutOfRangeException>(() => result.Epochs[9_000]);
        Assert.Throws<ArgumentOutOfRangeException>(() => result.Epochs[-1]);
    }
}
