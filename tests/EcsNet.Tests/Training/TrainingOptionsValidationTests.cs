using EcsNet.Data;
using EcsNet.Training;

namespace EcsNet.Tests.Training;

/// <summary>The trainer rejects nonsense hyperparameters before doing any work, with a message naming the value.</summary>
public sealed class TrainingOptionsValidationTests
{
    private static readonly TrainingOptions Valid = new() { Epochs = 1, BatchSize = 4, LearningRate = 1f };

    public static TheoryData<string, TrainingOptions, string> Invalid => new()
    {
        { "η = 0", Valid with { LearningRate = 0f }, "learning rate" },
        { "η < 0", Valid with { LearningRate = -0.1f }, "learning rate" },
        { "η = NaN", Valid with { LearningRate = float.NaN }, "learning rate" },
        { "η = ∞", Valid with { LearningRate = float.PositiveInfinity }, "learning rate" },
        { "batch < 0", Valid with { BatchSize = -1 }, "batch size" },
        { "epochs < 0", Valid with { Epochs = -3 }, "epochs" },
        { "epochs = 0", Valid with { Epochs = 0 }, "epochs" },
        { "L1 < 0", Valid with { L1 = -1e-3f }, "L1" },
        { "L2 = NaN", Valid with { L2 = float.NaN }, "L2" },
        { "validation fraction 1", Valid with { ValidationFraction = 1.0 }, "validation fraction" },
        { "validation fraction < 0", Valid with { ValidationFraction = -0.2 }, "validation fraction" },
        { "patience < 0", Valid with { EarlyStopPatience = -1, ValidationFraction = 0.25 }, "patience" },
        { "patience without validation", Valid with { EarlyStopPatience = 3 }, "validation" },
        { "threshold NaN", Valid with { ErrorThreshold = double.NaN }, "error threshold" },
        { "threshold < 0", Valid with { ErrorThreshold = -1 }, "error threshold" },
    };

    [Fact]
    public void TheValidBaselineTrains()
    {
        using var net = TestNetworks.Xor231(1);
        Assert.Equal(StopReason.Completed, new Trainer(Valid).Train(net, LogicGates.Xor()).StopReason);
    }

    [Fact]
    public void ABatchLargerThanTheDataTrainsExactlyAsFullBatch()
    {
        using var clamped = TestNetworks.Xor231(1);
        using var full = TestNetworks.Xor231(1);

        new Trainer(Valid with { BatchSize = 5, Epochs = 20 }).Train(clamped, LogicGates.Xor());
        new Trainer(Valid with { BatchSize = 0, Epochs = 20 }).Train(full, LogicGates.Xor());

        Assert.Equal(TestNetworks.WeightsByEnds(full), TestNetworks.WeightsByEnds(clamped));
    }

    [Fact]
    public void ANonFiniteWeightSetBeforeTrainingIsRefusedNamingIt()
    {
        using var net = TestNetworks.Xor231(1);
        var bad = net.Synapses().Single(s => s.ToLayer == 2 && s.FromIndex == 1);
        net.World.Set(bad.Entity, new Components.Weight { Value = float.NaN });

        var e = Assert.Throws<ArgumentException>(() => new Trainer(Valid).Train(net, LogicGates.Xor()));

        Assert.Equal("the weight w_jk^l from neuron 1 of layer 1 to neuron 0 of layer 2 is NaN before training; give it a finite value", e.Message);
    }

    [Fact]
    public void ANonFiniteBiasSetBeforeTrainingIsRefusedNamingIt()
    {
        using var net = TestNetworks.Xor231(1);
        net.SetBias(1, 2, float.PositiveInfinity);

        var e = Assert.Throws<ArgumentException>(() => new Trainer(Valid).Train(net, LogicGates.Xor()));

        Assert.Equal("the bias b_j^l of neuron 2 of layer 1 is Infinity before training; give it a finite value", e.Message);
    }

    [Theory]
    [MemberData(nameof(Invalid))]
    public void NonsenseIsRejectedWithAMessage(string what, TrainingOptions options, string mentioned)
    {
        using var net = TestNetworks.Xor231(1);
        var before = TestNetworks.WeightsByEnds(net);

        var e = Assert.ThrowsAny<ArgumentException>(() => new Trainer(options).Train(net, LogicGates.Xor()));

        Assert.True(e.Message.Contains(mentioned, StringComparison.OrdinalIgnoreCase), $"{what}: message '{e.Message}' does not mention '{mentioned}'");
        Assert.Equal(before, TestNetworks.WeightsByEnds(net)); // nothing was trained
    }
}
