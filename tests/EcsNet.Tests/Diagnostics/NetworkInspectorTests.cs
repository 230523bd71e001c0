using EcsNet.ActivationFunctions;
using EcsNet.Components;
using EcsNet.Data;
using EcsNet.Diagnostics;

namespace EcsNet.Tests.Diagnostics;

public class NetworkInspectorTests
{
    // σ(1) and σ′(1) = σ(1)(1 − σ(1)), tanh(1) and tanh′(1) = 1 − tanh²(1), to 10 digits.
    private const double Sigmoid1 = 0.7310585786;
    private const double SigmoidPrime1 = 0.1966119332;
    private const double TanhPrime1 = 0.4199743416;

    /// <summary>
    /// 2-2-2: a sigmoid layer with w = [[1, −1], [2, 2]], b = [0, 30] (unit 1 has a huge bias), then a ReLU layer with
    /// w = [[1, 1], [1, 1]], b = [0.5, −100] (unit 1 can never fire).
    /// </summary>
    private static Network HandSet() => new NetworkBuilder()
        .Input(2)
        .Dense(2, ActivationFunction.Sigmoid).Weights(1, [[1f, -1f], [2f, 2f]]).Biases(1, [0f, 30f])
        .Dense(2, ActivationFunction.Relu).Weights(2, [[1f, 1f], [1f, 1f]]).Biases(2, [0.5f, -100f])
        .Build();

    /// <summary>The four gate inputs (0,0), (0,1), (1,0), (1,1) with two zero targets each.</summary>
    private static DataSet Gates() => new("gates", [.. LogicGates.And().Inputs], new float[8], 2, 2);

    [Fact]
    public void CountsEntitiesOfEachKindByQuery()
    {
        using var network = HandSet();
        var synapses = network.Synapses();
        network.World.Add(synapses[0].Entity, new LearningRate { Value = 0.5f });
        network.World.Add(synapses[1].Entity, new Frozen());
        network.World.Add(synapses[5].Entity, new Frozen());

        var c = NetworkInspector.Inspect(network).Counts;

        // 3 layer entities + 2 + 2 + 2 neurons + 2·2 + 2·2 synapses.
        Assert.Equal(new EntityCounts(17, 3, 2, 2, 2, 8, 1, 2), c);
        Assert.Equal(6, c.Neurons);
    }

    [Fact]
    public void LayerStatisticsMatchHandComputation()
    {
        using var network = HandSet();

        var report = NetworkInspector.Inspect(network);

        Assert.Equal(0, report.Samples);
        Assert.Empty(report.Neurons);
        var (l1, l2) = (report.Layers[0], report.Layers[1]);
        Assert.Equal((1, "sigmoid", 2), (l1.Layer, l1.ActivationFunction, l1.Size));
        // w = {1, −1, 2, 2}: mean 1, deviations {0, −2, 1, 1} → variance 6/4, ‖w‖ = √(1 + 1 + 4 + 4).
        AssertStatistics(l1.Weights, 4, 1, Math.Sqrt(1.5), -1, 2, Math.Sqrt(10));
        // b = {0, 30}.
        AssertStatistics(l1.Biases, 2, 15, 15, 0, 30, 30);
        AssertStatistics(l2.Weights, 4, 1, 0, 1, 1, 2);
        // b = {0.5, −100}: mean −49.75, deviations ±50.25, ‖b‖ = √(0.25 + 10000).
        AssertStatistics(l2.Biases, 2, -49.75, 50.25, -100, 0.5, Math.Sqrt(10000.25));
        Assert.Equal(0, l1.WeightGradientNorm);
        Assert.Equal(0, l2.BiasGradientNorm);
    }

    [Fact]
    public void GradientNormsAreThoseOfTheAccumulatedComponents()
    {
        using var network = HandSet();
        network.LoadBatch(Gates(), [0, 1, 2, 3]);
        network.Forward();
        network.Backpropagate();

        var report = NetworkInspector.Inspect(network);

        foreach (var layer in report.Layers)
        {
            var expected = Math.Sqrt(network.Synapses().Where(s => s.ToLayer == layer.Layer).Sum(s => (double)s.Gradient * s.Gradient));
            Assert.Equal(expected, layer.WeightGradientNorm, 12);
            var biasGradients = Enumerable.Range(0, layer.Size).Select(j => (double)network.World.Get<BiasGradient>(network.NeuronEntity(layer.Layer, j)).Value);
            Assert.Equal(Math.Sqrt(biasGradients.Sum(g => g * g)), layer.BiasGradientNorm, 12);
        }

        // The ReLU output layer sees a − y = a for its live unit: its gradient is not zero.
        Assert.True(report.Layers[1].WeightGradientNorm > 0.1);
    }

    [Fact]
    public void FindsTheSaturatedSigmoidAndTheDeadRelu()
    {
        using var network = HandSet();

        var report = NetworkInspector.Inspect(network, Gates());

        Assert.Equal(4, report.Samples);
        Assert.Equal(4, report.Neurons.Count);
        // Unit (1,0): z = x₁ − x₂ ∈ {0, −1, 1, 0}, so mean σ′ = (2·¼ + 2σ′(1)) / 4 and mean a = (½ + σ(−1) + σ(1) + ½) / 4 = ½.
        var normal = report.Neurons[0];
        Assert.Equal((1, 0, network.NeuronEntity(1, 0), "sigmoid"), (normal.Layer, normal.Index, normal.Entity, normal.ActivationFunction));
        Assert.Equal((0.5 + 2 * SigmoidPrime1) / 4, normal.MeanDerivative, 6);
        Assert.Equal(0.5, normal.MeanActivation, 6);
        Assert.Equal((-1.0, 1.0), (normal.MinNetInput, normal.MaxNetInput));
        Assert.False(normal.IsSaturated);
        // Unit (1,1): z = 30 + 2x₁ + 2x₂ ∈ {30, 32, 32, 34}: σ′ < 1e-13, far below 0.01 · ¼.
        var saturated = Assert.Single(report.SaturatedNeurons);
        Assert.Equal((1, 1), (saturated.Layer, saturated.Index));
        Assert.True(saturated.MeanDerivative < 1e-12);
        Assert.Equal((30.0, 34.0), (saturated.MinNetInput, saturated.MaxNetInput));
        // Unit (2,0): z = a₀ + a₁ + 0.5 > 0 always, f′ = 1. Unit (2,1): z = a₀ + a₁ − 100 ≤ −98.27 always: dead.
        Assert.Equal(1.0, report.Neurons[2].MeanDerivative);
        Assert.False(report.Neurons[2].IsDeadRelu);
        var dead = Assert.Single(report.DeadRelus);
        Assert.Equal((2, 1, 0.0), (dead.Layer, dead.Index, dead.MeanDerivative));
        // The largest z of the dead unit is at x = (1, 0): σ(1) + σ(32) − 100 = σ(1) + 1 − 100 in float.
        Assert.Equal(Sigmoid1 + 1 - 100, dead.MaxNetInput, 4);
        Assert.Contains("1 saturated, 1 dead ReLUs", report.ToString());
    }

    [Fact]
    public void SaturationIsAFractionOfTheDerivativesMaximum()
    {
        using var network = HandSet();
        var data = Gates();

        // Unit (1,0) has mean σ′ = 0.22331: below 0.9 · ¼ = 0.225, not below 0.89 · ¼ = 0.2225.
        var strict = NetworkInspector.Inspect(network, data, saturationThreshold: 0.9);
        var loose = NetworkInspector.Inspect(network, data, saturationThreshold: 0.89);

        Assert.Equal([(1, 0), (1, 1)], strict.SaturatedNeurons.Select(n => (n.Layer, n.Index)));
        Assert.Equal([(1, 1)], loose.SaturatedNeurons.Select(n => (n.Layer, n.Index)));
        Assert.Throws<ArgumentOutOfRangeException>(() => NetworkInspector.Inspect(network, data, saturationThreshold: 0));
        Assert.Throws<ArgumentException>(() => NetworkInspector.Inspect(network, LogicGates.And()));
    }

    [Fact]
    public void FindsASaturatedTanhUnit()
    {
        using var network = new NetworkBuilder().Input(1).Dense(2, ActivationFunction.Tanh).Weights(1, [[1f], [1f]]).Biases(1, [0f, 10f])
            .Build();
        var data = new DataSet("line", [-1f, 0f, 1f], [0f, 0f, 0f, 0f, 0f, 0f], 1, 2);

        var report = NetworkInspector.Inspect(network, data);

        // Unit 0: z ∈ {−1, 0, 1}, mean tanh′ = (2 tanh′(1) + 1) / 3. Unit 1: z ∈ {9, 10, 11}, tanh′ < 1e-7.
        Assert.Equal((2 * TanhPrime1 + 1) / 3, report.Neurons[0].MeanDerivative, 6);
        var saturated = Assert.Single(report.SaturatedNeurons);
        Assert.Equal(1, saturated.Index);
        Assert.Empty(report.DeadRelus);
    }

    [Fact]
    public void LeavesParametersAndGradientsAlone()
    {
        using var network = HandSet();
        var before = network.Synapses();

        NetworkInspector.Inspect(network, Gates());

        Assert.Equal(before.Select(s => (s.Weight, s.Gradient)), network.Synapses().Select(s => (s.Weight, s.Gradient)));
        Assert.Equal(30f, network.GetBias(1, 1));
    }

    private static void AssertStatistics(ValueStatistics s, int count, double mean, double std, double min, double max, double l2)
    {
        Assert.Equal(count, s.Count);
        Assert.Equal(mean, s.Mean, 12);
        Assert.Equal(std, s.StandardDeviation, 12);
        Assert.Equal(min, s.Min);
        Assert.Equal(max, s.Max);
        Assert.Equal(l2, s.L2Norm, 12);
    }
}
