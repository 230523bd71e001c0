using EcsNet.ActivationFunctions;
using EcsNet.Costs;
using EcsNet.Diagnostics;
using EcsNet.Training;

namespace EcsNet.Tests.Diagnostics;

/// <summary>
/// User-supplied activations and costs: the check linearises their float methods, still passes
/// when their derivative is right, and fails when it is wrong — so the check can fail.
/// </summary>
public class UserSuppliedFunctionTests
{
    [Fact]
    public void WrongDerivativeFailsTheCheckInTheLayerThatUsesIt()
    {
        using var network = new NetworkBuilder().Input(4).Dense(5, new BrokenSigmoid()).Dense(3, ActivationFunction.Sigmoid)
            .Build(Initializer.Gaussian, seed: 11);
        var data = GradientCheckNetworks.Data(CostFunction.Quadratic, 16, seed: 12);

        var report = GradientCheck.Run(network, data);

        Assert.False(report.Passed(1e-2));
        // σ′ = a(1 − a) reported as a: the hidden layer's gradients are wrong by a factor 1/(1 − a), ...
        Assert.True(report.Layers[0].WorstWeightError > 0.1, report.ToString());
        Assert.True(report.Layers[0].WorstBiasError > 0.1, report.ToString());
        // ... while the output layer's, which never use the hidden derivative, still agree.
        Assert.True(report.Layers[1].WorstError < 1e-2, report.ToString());
        Assert.Equal(1, report.Worst!.Value.Layer);
    }

    [Fact]
    public void CorrectUserActivationPassesThroughItsLinearisation()
    {
        using var network = new NetworkBuilder().Input(4).Dense(5, new Softplus()).Dense(3, new Softplus())
            .Build(Initializer.Gaussian, seed: 13);
        var data = GradientCheckNetworks.Data(CostFunction.Quadratic, 16, seed: 14);

        var report = GradientCheck.Run(network, data);

        Assert.True(report.Passed(1e-2), report.ToString());
    }

    [Fact]
    public void UserActivationGradientsAgreeAcrossSeeds()
    {
        // The linearised reference is good to about 1e-5 absolute (float rounding of f over the slope step), so a
        // gradient of 1e-6 can show a relative error of a few percent against the 1e-4 floor; every gradient of
        // 1e-3 or more agrees to 1e-2 (measured worst 1.2e-3 over 29 seeds).
        for (var seed = 1; seed <= 10; seed++)
        {
            using var network = new NetworkBuilder().Input(4).Dense(5, new Softplus()).Dense(3, new Softplus())
                .Build(Initializer.Gaussian, seed: seed);
            var data = GradientCheckNetworks.Data(CostFunction.Quadratic, 16, seed: seed + 1);

            var report = GradientCheck.Run(network, data);

            Assert.All(report.Parameters.Where(p => Math.Abs(p.FiniteDifference) >= 1e-3), p => Assert.True(p.RelativeError < 1e-2, p.ToString()));
        }
    }

    [Fact]
    public void CorrectUserCostPassesThroughItsLinearisation()
    {
        using var network = new NetworkBuilder().Input(4).Dense(5, ActivationFunction.Tanh).Dense(3, ActivationFunction.Linear)
            .Build(Initializer.Gaussian, seed: 15);
        network.Cost = new AbsoluteCubeCost();
        var data = GradientCheckNetworks.Data(CostFunction.Quadratic, 16, seed: 16);

        var report = GradientCheck.Run(network, data);

        Assert.True(report.Passed(1e-2), report.ToString());
    }

    /// <summary>σ with the derivative deliberately wrong: a instead of a(1 − a).</summary>
    private sealed class BrokenSigmoid : ElementwiseActivationFunction
    {
        public override string Name => "broken-sigmoid";

        public override float Apply(float z) => 1f / (1f + MathF.Exp(-z));

        public override float Derivative(float z, float a) => a;
    }

    /// <summary>softplus ln(1 + e^z), derivative σ(z).</summary>
    private sealed class Softplus : ElementwiseActivationFunction
    {
        public override string Name => "softplus";

        public override float Apply(float z) => (float)Math.Log(1.0 + Math.Exp(z)); // 1 + e^z in float would lose small a

        public override float Derivative(float z, float a) => 1f / (1f + MathF.Exp(-z));
    }

    /// <summary>C_x = ⅓ Σ |a − y|³, ∂C_x/∂a = |a − y|(a − y).</summary>
    private sealed class AbsoluteCubeCost : ICost
    {
        public string Name => "abs-cube";

        public double Sum(ReadOnlySpan<float> a, ReadOnlySpan<float> y, int outputs, int batch)
        {
            var sum = 0.0;
            for (var i = 0; i < outputs * batch; i++)
            {
                var d = Math.Abs(a[i] - y[i]);
                sum += d * d * d / 3;
            }

            return sum;
        }

        public void Gradient(ReadOnlySpan<float> a, ReadOnlySpan<float> y, Span<float> g, int outputs, int batch)
        {
            for (var i = 0; i < outputs * batch; i++)
            {
                g[i] = MathF.Abs(a[i] - y[i]) * (a[i] - y[i]);
            }
        }

        public bool SimplifiesWith(IActivationFunction output) => false;
    }
}
