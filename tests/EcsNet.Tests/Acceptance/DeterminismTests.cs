using EcsNet.Data;
using EcsNet.Training;

namespace EcsNet.Tests.Acceptance;

/// <summary>Everything random is drawn from a seed: the same seed gives bit-identical weights, another seed does not.</summary>
public sealed class DeterminismTests
{
    private static Network BuildAndTrain(long netSeed, long trainSeed)
    {
        var net = TestNetworks.Xor231(netSeed);
        var options = new TrainingOptions { Epochs = 200, BatchSize = 2, LearningRate = 2f, Seed = trainSeed, Optimizer = Optimizer.WithMomentum(0.5f) };
        new Trainer(options).Train(net, LogicGates.Xor());
        return net;
    }

    [Fact]
    public void SameSeedGivesBitIdenticalWeights()
    {
        using var a = BuildAndTrain(11, 11);
        using var b = BuildAndTrain(11, 11);
        TestNetworks.AssertBitIdentical(a, b);
    }

    [Fact]
    public void ADifferentInitialisationSeedGivesDifferentWeights()
    {
        using var a = BuildAndTrain(11, 11);
        using var b = BuildAndTrain(12, 11);
        Assert.NotEqual(TestNetworks.WeightsByEnds(a).Values, TestNetworks.WeightsByEnds(b).Values);
    }

    [Fact]
    public void ADifferentShufflingSeedGivesDifferentWeights()
    {
        using var a = BuildAndTrain(11, 11);
        using var b = BuildAndTrain(11, 12);
        Assert.NotEqual(TestNetworks.WeightsByEnds(a).Values, TestNetworks.WeightsByEnds(b).Values);
    }
}
