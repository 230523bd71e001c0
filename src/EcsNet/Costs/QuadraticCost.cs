using EcsNet.ActivationFunctions;

namespace EcsNet.Costs;

/// <summary>Quadratic cost C_x = ½‖y − a‖², so ∂C_x/∂a = a − y and δ^L = (a − y) ⊙ f′(z^L).</summary>
public sealed class QuadraticCost : ICost
{
    /// <inheritdoc />
    public string Name => "quadratic";

    /// <inheritdoc />
    public double Sum(ReadOnlySpan<float> a, ReadOnlySpan<float> y, int outputs, int batch)
    {
        var sum = 0.0;
        for (var i = 0; i < outputs * batch; i++)
        {
            double d = y[i] - a[i];
            sum += d * d;
        }

        return 0.5 * sum;
    }

    /// <inheritdoc />
    public void Gradient(ReadOnlySpan<float> a, ReadOnlySpan<float> y, Span<float> g, int outputs, int batch)
    {
        for (var i = 0; i < outputs * batch; i++)
        {
            g[i] = a[i] - y[i];
        }
    }

    /// <inheritdoc />
    public bool SimplifiesWith(IActivationFunction output) => output is Linear;
}
