using EcsNet.Costs;

namespace EcsNet.Diagnostics;

/// <summary>
/// A user-supplied cost, which only has float methods, as the gradient check's reference sees it around one sample's
/// output a⁰: C_x(a) = C_x(a⁰) + ∇C · (a − a⁰), with ∇C measured from the cost's own float <see cref="ICost.Sum"/>
/// by central differences (see <see cref="LinearizedLayer"/> for why not directly at the check's ε).
/// </summary>
internal sealed class LinearizedCost
{
    private readonly double _c0;
    private readonly double[] _a0;
    private readonly double[] _gradient;

    private LinearizedCost(double c0, double[] a0, double[] gradient)
    {
        _c0 = c0;
        _a0 = a0;
        _gradient = gradient;
    }

    /// <summary>Measures C_x(a⁰) and ∇C at <paramref name="a0"/> for targets <paramref name="y"/>.</summary>
    public static LinearizedCost Build(ICost cost, ReadOnlySpan<double> a0, ReadOnlySpan<double> y)
    {
        var n = a0.Length;
        var af = new float[n];
        var yf = new float[n];
        for (var j = 0; j < n; j++)
        {
            af[j] = (float)a0[j];
            yf[j] = (float)y[j];
        }

        var c0 = cost.Sum(af, yf, n, 1);
        var gradient = new double[n];
        for (var j = 0; j < n; j++)
        {
            var centre = af[j];
            var h = LinearizedLayer.Step * Math.Max(1.0, Math.Abs(centre));
            var up = (float)(centre + h);
            var down = (float)(centre - h);
            af[j] = up;
            var plus = cost.Sum(af, yf, n, 1);
            af[j] = down;
            var minus = cost.Sum(af, yf, n, 1);
            af[j] = centre;
            gradient[j] = (plus - minus) / ((double)up - down);
        }

        return new LinearizedCost(c0, a0.ToArray(), gradient);
    }

    /// <summary>C_x(a⁰) + ∇C · (a − a⁰).</summary>
    public double Evaluate(ReadOnlySpan<double> a)
    {
        var sum = _c0;
        for (var j = 0; j < a.Length; j++)
        {
            sum += _gradient[j] * (a[j] - _a0[j]);
        }

        return sum;
    }
}
