using System.Numerics.Tensors;
using EcsNet.ActivationFunctions;

namespace EcsNet.Tests.ActivationFunctions;

/// <summary>
/// The sigmoid and tanh backward passes, fused into one vector loop with a scalar tail, give exactly the numbers of
/// the straightforward formulas for every length around the vector widths.
/// </summary>
public sealed class VectorisedActivationTests
{
    /// <summary>Random z and g of length <paramref name="n"/>, a = f(z), and f's backward δ from them.</summary>
    private static (float[] A, float[] G, float[] Delta) Backward(int n, IActivationFunction f)
    {
        var random = new SeededRandom(n + 17);
        var z = Enumerable.Range(0, n).Select(_ => (float)random.NextUniform(-6, 6)).ToArray();
        var g = Enumerable.Range(0, n).Select(_ => (float)random.NextUniform(-2, 2)).ToArray();
        var a = new float[n];
        f.Forward(z, a, n, 1);
        var delta = new float[n];
        f.Backward(z, a, g, delta, n, 1);
        return (a, g, delta);
    }

    [Fact]
    public void SigmoidBackwardEqualsGTimesATimesOneMinusAElementByElement()
    {
        for (var n = 1; n <= 40; n++)
        {
            var (a, g, delta) = Backward(n, ActivationFunction.Sigmoid);
            // The library's three vector passes: a², a − a², (a − a²) · g.
            var expected = new float[n];
            TensorPrimitives.Multiply(a, a, expected);
            TensorPrimitives.Subtract(a, expected, expected);
            TensorPrimitives.Multiply(expected, g, expected);
            Assert.Equal(expected, delta);
            for (var i = 0; i < n; i++)
            {
                Assert.Equal(g[i] * a[i] * (1f - a[i]), delta[i], 1e-6f);
            }
        }
    }

    [Fact]
    public void TanhBackwardEqualsGTimesOneMinusASquaredElementByElement()
    {
        for (var n = 1; n <= 40; n++)
        {
            var (a, g, delta) = Backward(n, ActivationFunction.Tanh);
            for (var i = 0; i < n; i++)
            {
                Assert.Equal(g[i] * (1f - (a[i] * a[i])), delta[i]);
            }
        }
    }
}
