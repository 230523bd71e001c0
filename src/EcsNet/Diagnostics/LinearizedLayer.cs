using EcsNet.ActivationFunctions;

namespace EcsNet.Diagnostics;

/// <summary>
/// A user-supplied activation, which only has float methods, as the gradient check's reference sees it around one
/// sample's net inputs z⁰: a(z) = f(z⁰) + J (z − z⁰), with the Jacobian J measured column by column from the
/// function's own float <see cref="IActivationFunction.Forward"/> by central differences of step h = 4·10⁻³·max(1, |z_j|).
/// </summary>
/// <remarks>
/// Differencing the float function directly at the check's ε would drown the estimate in float rounding (about 6e-8 of
/// |a| over 2ε); the step h balances that rounding (∝ 1/h) against the truncation (∝ h²), so J is good to about 1e-5
/// and everything after it runs in double. The check so compares the user's <see cref="IActivationFunction.Backward"/> with
/// slopes of their <see cref="IActivationFunction.Forward"/>, never with itself. A kink within h of z⁰ spoils its column.
/// </remarks>
internal sealed class LinearizedLayer
{
    /// <summary>The relative half-step h of the slope estimate.</summary>
    internal const double Step = 4e-3;

    private readonly double[] _z0;
    private readonly double[] _a0;
    private readonly double[] _jacobian;

    private LinearizedLayer(double[] z0, double[] a0, double[] jacobian)
    {
        _z0 = z0;
        _a0 = a0;
        _jacobian = jacobian;
    }

    /// <summary>Measures f(z⁰) and J = ∂a/∂z at <paramref name="z0"/> (one sample, one layer).</summary>
    public static LinearizedLayer Build(IActivationFunction f, ReadOnlySpan<double> z0)
    {
        var n = z0.Length;
        var zf = new float[n];
        var af = new float[n];
        for (var j = 0; j < n; j++)
        {
            zf[j] = (float)z0[j];
        }

        f.Forward(zf, af, n, 1);
        var a0 = Array.ConvertAll(af, v => (double)v);
        var jacobian = new double[n * n];
        var plus = new float[n];
        var minus = new float[n];
        for (var j = 0; j < n; j++)
        {
            var centre = zf[j];
            var h = Step * Math.Max(1.0, Math.Abs(centre));
            var up = (float)(centre + h);
            var down = (float)(centre - h);
            zf[j] = up;
            f.Forward(zf, plus, n, 1);
            zf[j] = down;
            f.Forward(zf, minus, n, 1);
            zf[j] = centre;
            // Divide by the step as represented in float, not by 2h.
            var width = (double)up - down;
            for (var i = 0; i < n; i++)
            {
                jacobian[i * n + j] = ((double)plus[i] - minus[i]) / width;
            }
        }

        return new LinearizedLayer(z0.ToArray(), a0, jacobian);
    }

    /// <summary>a = f(z⁰) + J (z − z⁰).</summary>
    public void Forward(ReadOnlySpan<double> z, Span<double> a)
    {
        var n = _z0.Length;
        for (var i = 0; i < n; i++)
        {
            var sum = _a0[i];
            for (var j = 0; j < n; j++)
            {
                sum += _jacobian[i * n + j] * (z[j] - _z0[j]);
            }

            a[i] = sum;
        }
    }
}
