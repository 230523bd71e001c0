using EcsNet.ActivationFunctions;
using EcsNet.Components;
using EcsNet.Data;
using EcsNet.Diagnostics;
using EcsNet.Persistence;
using EcsNet.Training;

namespace EcsNet.Tests.Acceptance;

/// <summary>
/// The decks' bias conventions: Mazur's "total error after the first round" keeps the biases fixed (frozen biases),
/// and Utah's Z = XW has no biases at all (layers without biases).
/// </summary>
public sealed class BiasOptionTests
{
    private static readonly float[] X = [0.05f, 0.10f];
    private static readonly float[] Y = [0.01f, 0.99f];

    /// <summary>Matt Mazur's 2-2-2 network (weights 0.15…0.55, biases 0.35 and 0.60).</summary>
    private static Network Mazur() => new NetworkBuilder().Input(2)
        .Dense(2, ActivationFunction.Sigmoid).Weights(1, [[0.15f, 0.20f], [0.25f, 0.30f]]).Biases(1, [0.35f, 0.35f])
        .Dense(2, ActivationFunction.Sigmoid).Weights(2, [[0.40f, 0.45f], [0.50f, 0.55f]]).Biases(2, [0.60f, 0.60f])
        .Build();

    private static double CostAfterOneStep(Network net, bool fused)
    {
        net.LoadBatch(X, Y, 1);
        if (fused)
        {
            net.TrainStep(Optimizer.Sgd, 0.5f);
        }
        else
        {
            net.Forward();
            net.Backpropagate();
            net.ApplyGradients(Optimizer.Sgd, 0.5f);
        }

        net.LoadBatch(X, Y, 1);
        net.Forward();
        return 0.5 * (Math.Pow(net.Outputs[0] - Y[0], 2) + Math.Pow(net.Outputs[1] - Y[1], 2));
    }

    [Theory]
    [InlineData(PassMode.Fast, true)]
    [InlineData(PassMode.Fast, false)]
    [InlineData(PassMode.Reference, true)]
    [InlineData(PassMode.Reference, false)]
    public void MazursTotalErrorAfterTheFirstRoundHoldsTheBiasesFixed(PassMode mode, bool fused)
    {
        using var net = Mazur();
        net.PassMode = mode;
        net.FreezeBiases();

        var after = CostAfterOneStep(net, fused);

        // Mazur: "the total error on the network was 0.298371109. After this first round of backpropagation, the total
        // error is now down to 0.291027924." He carried rounded intermediates (w5⁺ = 0.35891648 …): the same step in
        // double precision (computed in Python from the weights above) gives 0.291027774, and float arithmetic lands
        // between the two. The biases keep 0.35 and 0.60.
        Assert.Equal(0.291027774, after, 5e-8);
        Assert.Equal(0.291027924, after, 2e-7);
        Assert.Equal([0.35f, 0.35f, 0.60f, 0.60f], TestNetworks.Biases(net));
    }

    [Fact]
    public void UpdatingTheBiasesTooGivesALowerCostThanMazurs()
    {
        using var net = Mazur();

        var after = CostAfterOneStep(net, fused: true);

        // Same step with b ← b − η δ as well: 0.280471447 in double precision (computed in Python).
        Assert.Equal(0.280471447, after, 5e-8);
    }

    [Theory]
    [InlineData("sgd")]
    [InlineData("momentum:0.9")]
    [InlineData("nesterov:0.9")]
    [InlineData("adagrad")]
    [InlineData("rmsprop")]
    [InlineData("adam")]
    [InlineData("adadelta")]
    [InlineData("adamax")]
    [InlineData("nadam")]
    public void EveryOptimiserKeepsFrozenBiasesAndStillMovesTheWeights(string rule)
    {
        using var frozen = Mazur();
        frozen.FreezeBiases();
        var weights = TestNetworks.WeightsByEnds(frozen);

        for (var step = 0; step < 3; step++)
        {
            frozen.LoadBatch(X, Y, 1);
            frozen.Forward();
            frozen.Backpropagate();
            frozen.ApplyGradients(Optimizer.Parse(rule), 0.5f);
        }

        Assert.Equal([0.35f, 0.35f, 0.60f, 0.60f], TestNetworks.Biases(frozen));
        for (var l = 1; l <= 2; l++)
        {
            for (var j = 0; j < 2; j++)
            {
                Assert.Equal(0f, frozen.World.Get<BiasGradient>(frozen.NeuronEntity(l, j)).Value); // cleared, never applied
            }
        }

        Assert.NotEqual(weights.Values, TestNetworks.WeightsByEnds(frozen).Values);
    }

    [Fact]
    public void ThawedBiasesTrainAgain()
    {
        using var net = Mazur();
        net.FreezeBiases();
        net.ThawBiases();

        Assert.Equal(0.280471447, CostAfterOneStep(net, fused: true), 5e-8);
    }

    [Fact]
    public void ALayerWithoutBiasesComputesZFromTheWeightsAlone()
    {
        // Utah's Z = XW: a 2-2-1 sigmoid network with no biases, checked against the formula evaluated here.
        using var net = new NetworkBuilder().Input(2)
            .Dense(2, ActivationFunction.Sigmoid, bias: false).Weights(1, [[0.5f, -1f], [1.5f, 0.25f]])
            .Dense(1, ActivationFunction.Sigmoid, bias: false).Weights(2, [[2f, -0.75f]])
            .Build(Initializer.Gaussian, seed: 3);

        static double S(double z) => 1 / (1 + Math.Exp(-z));
        var h0 = S(0.5 * 0.3 - 1 * 0.8);
        var h1 = S(1.5 * 0.3 + 0.25 * 0.8);
        var expected = S(2 * h0 - 0.75 * h1);
        Assert.Equal(expected, net.Predict([0.3f, 0.8f])[0], 1e-6);
        Assert.False(net.Layers[1].HasBias);
        Assert.Throws<InvalidOperationException>(() => net.GetBias(1, 0));
        Assert.Equal(0, net.World.CountEntities(new QueryDescription().WithAll<Bias>()));
    }

    [Theory]
    [InlineData(PassMode.Fast)]
    [InlineData(PassMode.Reference)]
    public void BackpropagationWithoutBiasesPassesTheGradientCheck(PassMode mode)
    {
        using var net = NetworkBuilder.FullyConnected([2, 3, 1], [ActivationFunction.Tanh, ActivationFunction.Sigmoid], bias: false, Initializer.Gaussian, seed: 7);
        net.PassMode = mode;

        var report = GradientCheck.Run(net, LogicGates.Xor());

        Assert.Equal(9, report.ParameterCount); // 6 + 3 weights, no biases
        Assert.True(report.Passed(1e-4), report.ToString());
    }

    [Fact]
    public void AModelFileKeepsALayerWithoutBiases()
    {
        using var net = NetworkBuilder.FullyConnected([2, 3, 1], [ActivationFunction.Sigmoid, ActivationFunction.Sigmoid], bias: false, Initializer.Gaussian, seed: 2);
        var json = ModelFile.ToJson(NetworkModel.ToSpec(net));

        Assert.Contains("\"bias\": false", json, StringComparison.Ordinal);
        using var back = NetworkModel.ToNetwork(ModelFile.Parse(json));
        Assert.False(back.Layers[1].HasBias);
        Assert.Equal(net.Predict([0.2f, 0.9f])[0], back.Predict([0.2f, 0.9f])[0]);
        var bad = json.Replace("\"bias\": false", "\"bias\": true", StringComparison.Ordinal);
        Assert.Throws<ModelFormatException>(() => ModelFile.Parse(bad));
    }

    [Fact]
    public void ASummedBatchGradientIsMTimesTheMean()
    {
        // Mitchell's GRADIENT-DESCENT adds the samples' Δw; Unicamp divides by m. With SGD, the sum at η equals the
        // mean at m·η, parameter for parameter.
        var xor = LogicGates.Xor();
        using var sum = TestNetworks.Xor231(seed: 5);
        using var mean = TestNetworks.Xor231(seed: 5);
        sum.LoadBatch(xor.Inputs, xor.Targets, 4);
        mean.LoadBatch(xor.Inputs, xor.Targets, 4);

        sum.TrainStep(Optimizer.Sgd, 0.25f, gradient: BatchGradient.Sum);
        mean.TrainStep(Optimizer.Sgd, 1f);

        var a = TestNetworks.WeightsByEnds(sum);
        foreach (var (ends, w) in TestNetworks.WeightsByEnds(mean))
        {
            Assert.Equal(w, a[ends], 1e-6f);
        }

        Assert.Equal(TestNetworks.Biases(mean), TestNetworks.Biases(sum), (x, y) => Math.Abs(x - y) < 1e-6f);
    }

    [Fact]
    public void IncrementalDescentInOrderIsTheSamplesOneAfterAnother()
    {
        // Mitchell's incremental rule visits the examples in order: the trainer without shuffling must equal four
        // single-sample steps taken by hand in the stored order.
        var xor = LogicGates.Xor();
        using var trained = TestNetworks.Xor231(seed: 8);
        using var byHand = TestNetworks.Xor231(seed: 8);

        new Trainer(new TrainingOptions { Epochs = 2, BatchSize = 1, LearningRate = 0.5f, Shuffle = false }).Train(trained, xor);
        for (var epoch = 0; epoch < 2; epoch++)
        {
            for (var i = 0; i < xor.Count; i++)
            {
                byHand.LoadBatch(xor.Input(i), xor.Target(i), 1);
                byHand.TrainStep(Optimizer.Sgd, 0.5f);
            }
        }

        TestNetworks.AssertBitIdentical(byHand, trained);
    }
}
