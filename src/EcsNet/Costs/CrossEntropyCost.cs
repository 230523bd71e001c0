using EcsNet.ActivationFunctions;

namespace EcsNet.Costs;

/// <summary>
/// Binary cross-entropy, the J(Θ) of the Unicamp deck: C_x = −Σ_j [y_j ln a_j + (1 − y_j) ln(1 − a_j)], for outputs
/// in (0, 1). With sigmoid outputs δ^L = a − y.
/// </summary>
public sealed class CrossEntropyCost : ICost
{
    // ln 0 would make one saturated unit turn the whole cost infinite; the clamp only touches the reported value.
    private const float Epsilon = 1e-7f;

    /// <inheritdoc />
    public string Name => "cross-entropy";

    /// <inheritdoc />
    public double Sum(ReadOnlySpan<float> a, ReadOnlySpan<float> y, int outputs, int batch)
    {
        var sum = 0.0;
        for (var i = 0; i < outputs * batch; i++)
        {
            double p = Math.Clamp(a[i], Epsilon, 1f - Epsilon);
            sum -= y[i] * Math.Log(p) + (1.0 - y[i]) * Math.Log(1.0 - p);
        }

        return sum;
    }

    /// <inheritdoc />
    public void Gradient(ReadOnlySpan<float> a, ReadOnlySpan<float> y, Span<float> g, int outputs, int batch)
    {
        for (var i = 0; i < outputs * batch; i++)
        {
            var p = Math.Clamp(a[i], Epsilon, 1f - Epsilon);
            g[i] = (p - y[i]) / (p * (1f - p));
        }
    }

    /// <inheritdoc />
    public bool SimplifiesWith(IActivationFunction output) => output is Sigmoid;
}
