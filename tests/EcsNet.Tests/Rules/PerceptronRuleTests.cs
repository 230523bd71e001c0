using EcsNet.ActivationFunctions;
using EcsNet.Components;
using EcsNet.Data;
using EcsNet.Rules;
using EcsNet.Training;

namespace EcsNet.Tests.Rules;

public class PerceptronRuleTests
{
    [Fact]
    public void FirstUpdatesFollowTheRuleByHand()
    {
        // w = (0.5, −0.3), b = 0.2, η = 0.25 on AND, examples in order (0,0)→0, (0,1)→0, (1,0)→0, (1,1)→1.
        using var network = Unit(ActivationFunction.Step, 0.5f, -0.3f, 0.2f);

        // (0,0): z = 0.2 > 0 so o = 1, t − o = −1: Δw = 0.25·(−1)·(0, 0) = 0, Δb = 0.25·(−1)·1 = −0.25.
        Assert.Equal(1, PerceptronRule.Update(network, [0f, 0f], [0f], 0.25f));
        AssertParameters(network, 0.5, -0.3, -0.05);
        // (0,1): z = −0.3 − 0.05 = −0.35, o = 0 = t: nothing moves.
        Assert.Equal(0, PerceptronRule.Update(network, [0f, 1f], [0f], 0.25f));
        AssertParameters(network, 0.5, -0.3, -0.05);
        // (1,0): z = 0.5 − 0.05 = 0.45, o = 1, t − o = −1: w₁ = 0.5 − 0.25 = 0.25, b = −0.05 − 0.25 = −0.3.
        Assert.Equal(1, PerceptronRule.Update(network, [1f, 0f], [0f], 0.25f));
        AssertParameters(network, 0.25, -0.3, -0.3);
        // (1,1): z = 0.25 − 0.3 − 0.3 = −0.35, o = 0, t − o = +1: every input is 1, so all three gain 0.25.
        Assert.Equal(1, PerceptronRule.Update(network, [1f, 1f], [1f], 0.25f));
        AssertParameters(network, 0.5, -0.05, -0.05);
    }

    [Fact]
    public void OneEpochOfTrainMakesTheSameUpdates()
    {
        using var network = Unit(ActivationFunction.Step, 0.5f, -0.3f, 0.2f);

        var result = PerceptronRule.Train(network, LogicGates.And(), learningRate: 0.25f, maxEpochs: 1);

        Assert.False(result.Converged);
        Assert.Equal([3], result.ErrorsPerEpoch);
        AssertParameters(network, 0.5, -0.05, -0.05);
        Assert.Contains("did not converge in 1 epochs", result.Message);
    }

    public static TheoryData<string> SeparableGates => ["and", "or", "nand"];

    [Theory]
    [MemberData(nameof(SeparableGates))]
    public void LearnsSeparableGatesWithAStepUnit(string gate)
    {
        var data = LogicGates.ByName(gate);
        using var network = new NetworkBuilder().Input(2).Dense(1, ActivationFunction.Step).Build(Initializer.Zero);

        var result = PerceptronRule.Train(network, data, learningRate: 0.1f, maxEpochs: 100);

        Assert.True(result.Converged, result.Message);
        Assert.Equal(0, result.ErrorsPerEpoch[^1]);
        Assert.All(result.ErrorsPerEpoch.Take(result.Epochs - 1), e => Assert.True(e > 0));
        Assert.Contains("converged after", result.Message);
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(data.Target(i)[0], network.Predict(data.Input(i))[0]);
        }
    }

    [Theory]
    [MemberData(nameof(SeparableGates))]
    public void LearnsSeparableGatesWithASignUnit(string gate)
    {
        // The Garreta deck's unit: outputs and targets are −1/+1.
        var gates = LogicGates.ByName(gate);
        var data = new DataSet(gate, gates.Inputs, gates.Targets.Select(t => 2 * t - 1).ToArray(), 2, 1);
        using var network = new NetworkBuilder().Input(2).Dense(1, ActivationFunction.Sign).Build(Initializer.Uniform(0.5), seed: 3);

        var result = PerceptronRule.Train(network, data, learningRate: 0.1f, maxEpochs: 100);

        Assert.True(result.Converged, result.Message);
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(data.Target(i)[0], network.Predict(data.Input(i))[0]);
        }
    }

    [Fact]
    public void FailsOnXorAndSaysSo()
    {
        using var network = new NetworkBuilder().Input(2).Dense(1, ActivationFunction.Step).Build(Initializer.Zero);

        var result = PerceptronRule.Train(network, LogicGates.Xor(), learningRate: 0.1f, maxEpochs: 50);

        Assert.False(result.Converged);
        Assert.Equal(50, result.Epochs);
        Assert.Equal(50, result.ErrorsPerEpoch.Count);
        // No line separates XOR's 1s from its 0s, so no epoch can be error-free.
        Assert.All(result.ErrorsPerEpoch, e => Assert.InRange(e, 1, 4));
        Assert.Contains("did not converge in 50 epochs", result.Message);
        Assert.Contains("linearly separable", result.Message);
        Assert.Contains("XOR", result.Message);
    }

    [Fact]
    public void FrozenSynapsesKeepTheirWeight()
    {
        using var network = Unit(ActivationFunction.Step, 0.5f, -0.3f, 0.2f);
        var frozen = network.Synapses().Single(s => s.FromIndex == 0).Entity;
        network.World.Add(frozen, new Frozen());

        PerceptronRule.Update(network, [1f, 1f], [1f], 0.25f); // z = 0.4 → o = 1: correct, nothing moves
        PerceptronRule.Update(network, [1f, 1f], [0f], 0.25f); // o = 1, t = 0: w₂ and b lose 0.25, w₁ is frozen

        AssertParameters(network, 0.5, -0.55, -0.05);
    }

    [Fact]
    public void FrozenBiasStaysWhileTheWeightsFollowTheRule()
    {
        // As FirstUpdatesFollowTheRuleByHand, but with b = 0.2 held fixed: only Δw = η(t − o)x applies.
        using var network = Unit(ActivationFunction.Step, 0.5f, -0.3f, 0.2f);
        network.FreezeBiases();

        // (0,0): z = 0.2, o = 1, t − o = −1: x = 0 so no weight moves, and the bias is frozen.
        Assert.Equal(1, PerceptronRule.Update(network, [0f, 0f], [0f], 0.25f));
        AssertParameters(network, 0.5, -0.3, 0.2);
        // (0,1): z = −0.3 + 0.2 = −0.1, o = 0 = t.
        Assert.Equal(0, PerceptronRule.Update(network, [0f, 1f], [0f], 0.25f));
        // (1,0): z = 0.5 + 0.2 = 0.7, o = 1, t − o = −1: w₁ = 0.5 − 0.25 = 0.25.
        Assert.Equal(1, PerceptronRule.Update(network, [1f, 0f], [0f], 0.25f));
        AssertParameters(network, 0.25, -0.3, 0.2);
        // (1,1): z = 0.25 − 0.3 + 0.2 = 0.15, o = 1 = t.
        Assert.Equal(0, PerceptronRule.Update(network, [1f, 1f], [1f], 0.25f));
        AssertParameters(network, 0.25, -0.3, 0.2);
    }

    [Fact]
    public void AndNeverConvergesWithAFrozenPositiveBias()
    {
        // (0,0) gives z = b = 0.2 > 0 whatever the weights, so o = 1 ≠ 0 in every epoch: the rule cannot converge.
        using var network = Unit(ActivationFunction.Step, 0.5f, -0.3f, 0.2f);
        network.FreezeBiases();

        var result = PerceptronRule.Train(network, LogicGates.And(), learningRate: 0.25f, maxEpochs: 20);

        Assert.False(result.Converged);
        Assert.Equal(2, result.ErrorsPerEpoch[0]); // the two errors of the hand steps above
        Assert.All(result.ErrorsPerEpoch, e => Assert.True(e >= 1));
        Assert.Equal(0.2f, network.GetBias(1, 0));
    }

    [Fact]
    public void LayersWithoutBiasesTrainTheirWeights()
    {
        // OR through the origin: (0,0) → z = 0 → o = 0 is right without a bias; w starts at 0.
        using var network = new NetworkBuilder().Input(2).Dense(1, ActivationFunction.Step, bias: false).Build(Initializer.Zero);

        var result = PerceptronRule.Train(network, LogicGates.Or(), learningRate: 0.1f, maxEpochs: 10);

        // Epoch 1: (0,1) → o = 0, t = 1: w₂ = 0.1; (1,0) → o = 0: w₁ = 0.1; (1,1) → z = 0.2, o = 1 = t. Epoch 2: no error.
        Assert.True(result.Converged, result.Message);
        Assert.Equal([2, 0], result.ErrorsPerEpoch);
        Assert.Equal([0.1f, 0.1f], network.Synapses().OrderBy(s => s.FromIndex).Select(s => s.Weight));
    }

    [Fact]
    public void RejectsWhatTheRuleCannotTrain()
    {
        using var sigmoid = new NetworkBuilder().Input(2).Dense(1, ActivationFunction.Sigmoid).Build();
        using var deep = new NetworkBuilder().Input(2).Dense(2, ActivationFunction.Step).Dense(1, ActivationFunction.Step).Build();
        using var step = new NetworkBuilder().Input(2).Dense(1, ActivationFunction.Step).Build();
        using var sign = new NetworkBuilder().Input(2).Dense(1, ActivationFunction.Sign).Build();

        Assert.Contains("step or sign", Assert.Throws<ArgumentException>(() => PerceptronRule.Train(sigmoid, LogicGates.And())).Message);
        Assert.Throws<ArgumentException>(() => PerceptronRule.Train(deep, LogicGates.And()));
        Assert.Contains("sign unit", Assert.Throws<ArgumentException>(() => PerceptronRule.Train(sign, LogicGates.And())).Message);
        Assert.Contains("step unit", Assert.Throws<ArgumentException>(() => PerceptronRule.Update(step, [0f, 1f], [0.5f], 0.1f)).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => PerceptronRule.Train(step, LogicGates.And(), learningRate: 0f));
        Assert.Throws<ArgumentOutOfRangeException>(() => PerceptronRule.Train(step, LogicGates.And(), maxEpochs: 0));
    }

    private static Network Unit(IActivationFunction activation, float w1, float w2, float b)
        => new NetworkBuilder().Input(2).Dense(1, activation).Weights(1, [[w1, w2]]).Biases(1, [b]).Build();

    private static void AssertParameters(Network network, double w1, double w2, double b)
    {
        var w = network.Synapses().OrderBy(s => s.FromIndex).Select(s => (double)s.Weight).ToArray();
        Assert.Equal(w1, w[0], 6);
        Assert.Equal(w2, w[1], 6);
        Assert.Equal(b, network.GetBias(1, 0), 6);
    }
}
