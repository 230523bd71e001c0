using EcsNet.ActivationFunctions;
using EcsNet.Costs;
using EcsNet.Diagnostics;
using Xunit.Abstractions;

namespace EcsNet.Tests.Diagnostics;

public class GradientCheckTests(ITestOutputHelper output)
{
    /// <summary>The tolerance we claim for float backprop against the double reference.</summary>
    private const double Tolerance = 1e-2;

    private static readonly string[] Differentiable = ["sigmoid", "tanh", "relu", "leaky-relu", "linear", "hardtanh"];

    /// <summary>
    /// Every pairing that makes sense: quadratic with every differentiable hidden × output activation; binary
    /// cross-entropy with sigmoid outputs; softmax cross-entropy and quadratic with softmax outputs — each dense,
    /// with skip synapses and half pruned.
    /// </summary>
    public static TheoryData<string, string, string, Topology> Combinations()
    {
        var data = new TheoryData<string, string, string, Topology>();
        foreach (var topology in Enum.GetValues<Topology>())
        {
            foreach (var hidden in Differentiable)
            {
                foreach (var outputActivation in Differentiable)
                {
                    data.Add(hidden, outputActivation, "quadratic", topology);
                }

                data.Add(hidden, "sigmoid", "cross-entropy", topology);
                data.Add(hidden, "softmax", "softmax-cross-entropy", topology);
                data.Add(hidden, "softmax", "quadratic", topology);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Combinations))]
    public void BackpropAgreesWithCentralDifferences(string hidden, string outputActivation, string cost, Topology topology)
    {
        var report = Check(hidden, outputActivation, cost, topology, seed: 7);

        Assert.True(report.Passed(Tolerance), report.ToString());
        Assert.Equal(1e-6, report.Epsilon);
        Assert.Equal(16, report.Samples);
        // Every parameter is checked: 4·5 + 5·3 synapses (+4 skip, or −half when pruned) and 5 + 3 biases.
        var synapses = topology switch { Topology.Skip => 39, Topology.Pruned => 17, _ => 35 };
        Assert.Equal(synapses + 8, report.ParameterCount);
        Assert.Equal(synapses + 8, report.Layers.Sum(l => l.ParameterCount));
        // The check is not vacuous: most gradients are far from zero.
        Assert.True(report.Parameters.Count(p => Math.Abs(p.FiniteDifference) > 1e-3) > report.ParameterCount / 4);
    }

    [Fact]
    public void WorstErrorOverAllCombinationsAndSeeds()
    {
        var worst = new ParameterGradientCheck();
        var worstLarge = new ParameterGradientCheck();
        var where = "";
        foreach (var row in Combinations())
        {
            var (hidden, outputActivation, cost, topology) = ((string)row[0], (string)row[1], (string)row[2], (Topology)row[3]);
            foreach (var seed in new long[] { 1, 2 })
            {
                var report = Check(hidden, outputActivation, cost, topology, seed);
                if (report.WorstError > worst.RelativeError)
                {
                    worst = report.Worst!.Value;
                    where = $"{hidden}/{outputActivation}/{cost}/{topology}/seed {seed}";
                }

                foreach (var p in report.Parameters.Where(p => Math.Abs(p.Backprop) + Math.Abs(p.FiniteDifference) >= 1e-2))
                {
                    worstLarge = p.RelativeError > worstLarge.RelativeError ? p : worstLarge;
                }
            }
        }

        output.WriteLine($"worst relative error {worst.RelativeError:E3} at {where}: {worst}");
        output.WriteLine($"worst among gradients ≥ 1e-2: {worstLarge.RelativeError:E3}: {worstLarge}");
        Assert.True(worst.RelativeError < Tolerance, where);
        // Where the gradient is large enough for a ratio to mean something, float backprop is good to ~1e-4; the
        // worst overall comes from gradients ~1e-7, whose float error (e.g. 1 − a² of a saturated tanh) is measured
        // absolutely against the 1e-4 floor.
        Assert.True(worstLarge.RelativeError < 1e-3, worstLarge.ToString());
    }

    [Theory]
    [InlineData("step", "step")]
    [InlineData("sign", "sign")]
    [InlineData("step", "sign")]
    [InlineData("sign", "step")]
    public void ThresholdUnitsHaveExactlyZeroBackpropGradient(string hidden, string outputActivation)
    {
        var report = Check(hidden, outputActivation, "quadratic", Topology.Dense, seed: 3);

        Assert.All(report.Parameters, p => Assert.Equal(0.0, p.Backprop));
        // The cost is piecewise constant in every parameter, so the estimate agrees.
        Assert.All(report.Parameters, p => Assert.Equal(0.0, p.FiniteDifference));
        Assert.True(report.Passed(Tolerance));
    }

    [Fact]
    public void PassesWithSynapsesAddedAndRemovedAtRunTime()
    {
        using var network = GradientCheckNetworks.Build(ActivationFunction.Tanh, ActivationFunction.Sigmoid, CostFunction.CrossEntropy, Topology.Dense, seed: 9);
        var data = GradientCheckNetworks.Data(CostFunction.CrossEntropy, 16, seed: 10);
        network.Connect(0, 0, 2, 2, 0.7f);
        network.Connect(0, 3, 2, 0, -1.1f);
        network.Disconnect(network.Synapses().First(s => s.ToLayer == 1).Entity);

        var report = GradientCheck.Run(network, data);

        Assert.True(report.Passed(Tolerance), report.ToString());
        Assert.Equal([19, 17], report.Layers.Select(l => l.WeightCount));
    }

    [Fact]
    public void LeavesWeightsUnchangedAndGradientsCleared()
    {
        using var network = GradientCheckNetworks.Build(ActivationFunction.Tanh, ActivationFunction.Sigmoid, CostFunction.Quadratic, Topology.Skip, seed: 5);
        var data = GradientCheckNetworks.Data(CostFunction.Quadratic, 8, seed: 6);
        var before = network.Synapses().Select(s => s.Weight).ToArray();
        var biases = BiasesOf(network);

        var report = GradientCheck.Run(network, data);

        Assert.True(report.Passed(Tolerance));
        Assert.Equal(before, network.Synapses().Select(s => s.Weight).ToArray());
        Assert.Equal(biases, BiasesOf(network));
        Assert.All(network.Synapses(), s => Assert.Equal(0f, s.Gradient));
        Assert.All(report.Parameters.Where(p => p.Kind == GradientParameter.Bias),
            p => Assert.Equal(0f, network.World.Get<Components.BiasGradient>(p.Entity).Value));
    }

    [Fact]
    public void ReportsParametersByEntityAndPosition()
    {
        using var network = GradientCheckNetworks.Build(ActivationFunction.Sigmoid, ActivationFunction.Sigmoid, CostFunction.Quadratic, Topology.Skip, seed: 2);
        var data = GradientCheckNetworks.Data(CostFunction.Quadratic, 4, seed: 2);

        var report = GradientCheck.Run(network, data, maxSamples: 3);

        Assert.Equal(3, report.Samples);
        Assert.Equal([1, 2], report.Layers.Select(l => l.Layer));
        Assert.Equal([20, 19], report.Layers.Select(l => l.WeightCount));
        Assert.Equal([5, 3], report.Layers.Select(l => l.BiasCount));
        var skip = report.Parameters.Single(p => p.Kind == GradientParameter.Weight && p.FromLayer == 0 && p.Layer == 2 && p.FromIndex == 3);
        Assert.Equal(0, skip.Index);
        var synapse = network.Synapses().Single(s => s.Entity == skip.Entity);
        Assert.Equal((0, 3, 2, 0), (synapse.FromLayer, synapse.FromIndex, synapse.ToLayer, synapse.ToIndex));
        var bias = report.Parameters.Single(p => p.Kind == GradientParameter.Bias && p.Layer == 2 && p.Index == 1);
        Assert.Equal(network.NeuronEntity(2, 1), bias.Entity);
        Assert.Equal((-1, -1), (bias.FromLayer, bias.FromIndex));
    }

    [Theory]
    [InlineData(1.0, 1.0, 0.0)]
    [InlineData(1.0, 0.99, 0.01 / 1.99)]
    [InlineData(-2.0, 2.0, 1.0)]
    [InlineData(0.0, 0.0, 0.0)]
    [InlineData(1e-6, 0.0, 1e-2)] // below the floor the error is absolute, scaled by 1e4
    [InlineData(double.NaN, 1.0, double.PositiveInfinity)]
    [InlineData(1.0, double.PositiveInfinity, double.PositiveInfinity)]
    public void RelativeErrorFollowsItsDefinition(double backprop, double finiteDifference, double expected)
        => Assert.Equal(expected, GradientCheck.RelativeError(backprop, finiteDifference), 15);

    [Fact]
    public void RejectsMismatchedDataAndBadArguments()
    {
        using var network = GradientCheckNetworks.Build(ActivationFunction.Tanh, ActivationFunction.Tanh, CostFunction.Quadratic, Topology.Dense, seed: 1);
        var data = GradientCheckNetworks.Data(CostFunction.Quadratic, 4, seed: 1);

        Assert.Throws<ArgumentException>(() => GradientCheck.Run(network, EcsNet.Data.LogicGates.And()));
        Assert.Throws<ArgumentOutOfRangeException>(() => GradientCheck.Run(network, data, maxSamples: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => GradientCheck.Run(network, data, epsilon: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => GradientCheck.Run(network, data, epsilon: double.NaN));
    }

    private static GradientCheckReport Check(string hidden, string outputActivation, string cost, Topology topology, long seed)
    {
        var c = CostFunction.ByName(cost);
        using var network = GradientCheckNetworks.Build(ActivationFunction.ByName(hidden), ActivationFunction.ByName(outputActivation), c, topology, seed);
        var data = GradientCheckNetworks.Data(c, 16, seed + 100);
        return GradientCheck.Run(network, data);
    }

    private static float[] BiasesOf(Network network)
        => Enumerable.Range(1, network.Layers.Count - 1)
            .SelectMany(l => Enumerable.Range(0, network.Layers[l].Size).Select(j => network.GetBias(l, j)))
            .ToArray();
}
