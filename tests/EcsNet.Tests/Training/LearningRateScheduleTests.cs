using EcsNet.Data;
using EcsNet.Training;

namespace EcsNet.Tests.Training;

/// <summary>Learning-rate decay (the Garreta deck's tip): step decay η·γ^⌊e/s⌋ and exponential decay η·e^(−k·e).</summary>
public sealed class LearningRateScheduleTests
{
    [Theory]
    [InlineData(0, 1.0)]
    [InlineData(9, 1.0)]
    [InlineData(10, 0.5)]
    [InlineData(19, 0.5)]
    [InlineData(20, 0.25)]
    [InlineData(35, 0.125)]
    public void StepDecayHalvesEveryTenEpochs(int epoch, double expected)
        => Assert.Equal(expected, LearningRateSchedule.Step(0.5, 10).At(epoch, 1f), 1e-6);

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(5)]
    [InlineData(30)]
    public void ExponentialDecayIsEtaTimesEToMinusKEpoch(int epoch)
        => Assert.Equal(3.0 * Math.Exp(-0.1 * epoch), LearningRateSchedule.Exponential(0.1).At(epoch, 3f), 1e-5);

    [Fact]
    public void ConstantKeepsEta()
        => Assert.Equal(0.7f, LearningRateSchedule.Constant.At(100, 0.7f));

    [Fact]
    public void TheTrainerUsesTheScheduledRateInEachEpoch()
    {
        using var net = TestNetworks.Xor231(1);
        var schedule = LearningRateSchedule.Step(0.5, 2);
        var result = new Trainer(new TrainingOptions { Epochs = 6, BatchSize = 4, LearningRate = 2f, Schedule = schedule }).Train(net, LogicGates.Xor());

        Assert.Equal([2f, 2f, 1f, 1f, 0.5f, 0.5f], result.Epochs.Select(e => e.LearningRate));
    }
}
