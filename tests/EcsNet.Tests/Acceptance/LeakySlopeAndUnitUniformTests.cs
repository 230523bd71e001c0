using EcsNet.ActivationFunctions;
using EcsNet.Data;
using EcsNet.Diagnostics;
using EcsNet.Persistence;
using EcsNet.Training;

namespace EcsNet.Tests.Acceptance;

/// <summary>CENG's leaky ReLU with slope 0.1 and Seoul's U(0, 1) initialisation.</summary>
public sealed class LeakySlopeAndUnitUniformTests
{
    [Fact]
    public void LeakyReluTakesItsSlopeFromTheName()
    {
        var f = (LeakyRelu)ActivationFunction.ByName("leaky-relu:0.1");

        Assert.Equal(0.1f, f.Slope);
        Assert.Equal(-0.25f, f.Apply(-2.5f)); // 0.1 · (−2.5)
        Assert.Equal(3f, f.Apply(3f));
        Assert.Equal(0.1f, f.Derivative(-1f, f.Apply(-1f)));
        Assert.Equal("leaky-relu:0.1", f.Name);
        Assert.Equal(0.01f, ((LeakyRelu)ActivationFunction.ByName("leaky-relu")).Slope); // the default stays 0.01
        Assert.Throws<ArgumentException>(() => ActivationFunction.ByName("leaky-relu:1.5"));
        Assert.Throws<ArgumentException>(() => ActivationFunction.ByName("leaky-relu:x"));
    }

    [Fact]
    public void ALeakySlopeSurvivesAModelFileAndPassesTheGradientCheck()
    {
        using var net = NetworkBuilder.FullyConnected([2, 4, 1], [ActivationFunction.ByName("leaky-relu:0.1"), ActivationFunction.Sigmoid], Initializer.Gaussian, seed: 11);
        var json = ModelFile.ToJson(NetworkModel.ToSpec(net));
        using var back = NetworkModel.ToNetwork(ModelFile.Parse(json));

        Assert.Contains("\"leaky-relu:0.1\"", json, StringComparison.Ordinal);
        Assert.Equal(0.1f, ((LeakyRelu)back.Layers[1].Function!).Slope);
        Assert.Equal(net.Predict([-0.7f, 0.4f])[0], back.Predict([-0.7f, 0.4f])[0]);
        var report = GradientCheck.Run(net, LogicGates.Xor());
        Assert.True(report.Passed(1e-4), report.ToString());
    }

    [Fact]
    public void UnitUniformDrawsEveryWeightAndBiasFromZeroToOne()
    {
        using var net = NetworkBuilder.FullyConnected([20, 30, 10], ActivationFunction.Sigmoid, Initializer.Parse("uniform01"), seed: 4);

        var weights = TestNetworks.WeightsByEnds(net).Values.ToArray();
        var biases = TestNetworks.Biases(net);
        Assert.All(weights.Concat(biases), v => Assert.InRange(v, 0f, 1f));
        // 900 draws of U(0, 1): mean 1/2 with standard error √(1/12/900) ≈ 0.0096.
        Assert.Equal(0.5, weights.Average(), 0.04);
        Assert.Equal("uniform01", Initializer.UnitUniform.ToString());
    }
}
