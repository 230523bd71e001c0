using EcsNet.Examples.OjaRule;
using EcsNet.Systems;

namespace EcsNet.Examples.Tests;

/// <summary>Oja's rule: one step is the rule by hand, and the weights converge to the first principal component.</summary>
public sealed class OjaRuleTests
{
    [Fact]
    public void TheWeightsConvergeToTheFirstEigenvectorOfTheCovariance()
    {
        const double sxx = 3, sxy = 1.5, syy = 1.5;
        var log = new StringWriter();
        var run = OjaRuleExample.Run(sxx, sxy, syy, n: 2000, epochs: 20, log: log);
        var w = run.Weights;
        var norm = Math.Sqrt(w[0] * w[0] + w[1] * w[1]);
        Assert.Equal(1.0, norm, 0.01);

        // The population covariance and the sample moments the rule actually saw: both principal axes, in closed form.
        Assert.True(AngleDegrees(w, FirstEigenvector(sxx, sxy, syy)) < 2, $"{AngleDegrees(w, FirstEigenvector(sxx, sxy, syy)):F2}° from the population axis");
        var (cxx, cxy, cyy) = SecondMoments(run.Samples);
        Assert.True(AngleDegrees(w, FirstEigenvector(cxx, cxy, cyy)) < 1, $"{AngleDegrees(w, FirstEigenvector(cxx, cxy, cyy)):F2}° from the sample axis");
        Assert.Contains("w points along", log.ToString());
    }

    [Fact]
    public void OnePassAppliesTheRuleToEachWeightWithTheOutputsOfThatPass()
    {
        using var net = OjaRuleExample.Build(seed: 5);
        var w0 = net.Synapses().OrderBy(s => s.FromIndex).Select(s => (double)s.Weight).ToArray();
        const float eta = 0.1f;
        net.Systems.Add(StepPhase.AfterFeedforward, new OjaRuleSystem(net.NeuronEntity(1, 0), eta));
        float[] x = [0.5f, -1.25f, 2f, 0.75f, -0.3f, -1.5f, 1.1f, 0.4f];
        const int m = 4;
        net.LoadBatch(x, [], m);
        net.Forward();

        // y_b = w·x_b, then w_k += η/m Σ_b y_b (x_kb − y_b w_k).
        var y = new double[m];
        for (var b = 0; b < m; b++)
        {
            y[b] = w0[0] * x[2 * b] + w0[1] * x[2 * b + 1];
            Assert.Equal(y[b], net.Outputs[b], 1e-6);
        }

        var w1 = net.Synapses().OrderBy(s => s.FromIndex).Select(s => s.Weight).ToArray();
        for (var k = 0; k < 2; k++)
        {
            var sum = 0.0;
            for (var b = 0; b < m; b++)
            {
                sum += y[b] * (x[2 * b + k] - y[b] * w0[k]);
            }

            Assert.Equal(w0[k] + eta * sum / m, w1[k], 1e-6);
            Assert.NotEqual(w0[k], w1[k], 1e-3);
        }
    }

    /// <summary>The unit eigenvector of [[a, b], [b, d]] for λ₁ = (a + d)/2 + √(((a − d)/2)² + b²): (b, λ₁ − a), b ≠ 0.</summary>
    private static double[] FirstEigenvector(double a, double b, double d)
    {
        var lambda = (a + d) / 2 + Math.Sqrt((a - d) * (a - d) / 4 + b * b);
        var v = new[] { b, lambda - a };
        var length = Math.Sqrt(v[0] * v[0] + v[1] * v[1]);
        return [v[0] / length, v[1] / length];
    }

    /// <summary>The angle between the axes of w and v (w and −w are the same axis).</summary>
    private static double AngleDegrees(float[] w, double[] v)
    {
        var cos = Math.Abs(w[0] * v[0] + w[1] * v[1]) / Math.Sqrt(w[0] * w[0] + w[1] * w[1]);
        return Math.Acos(Math.Min(1, cos)) * 180 / Math.PI;
    }

    /// <summary>(1/n) Σ x xᵀ: the matrix the rule's fixed point is an eigenvector of (the data are drawn with mean zero).</summary>
    private static (double Xx, double Xy, double Yy) SecondMoments(float[] samples)
    {
        var n = samples.Length / 2;
        var (xx, xy, yy) = (0.0, 0.0, 0.0);
        for (var i = 0; i < n; i++)
        {
            var (x, y) = ((double)samples[2 * i], (double)samples[2 * i + 1]);
            xx += x * x / n;
            xy += x * y / n;
            yy += y * y / n;
        }

        return (xx, xy, yy);
    }
}
