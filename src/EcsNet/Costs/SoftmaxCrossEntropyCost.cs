using EcsNet.ActivationFunctions;

namespace EcsNet.Costs;

/// <summary>
/// Categorical cross-entropy C_x = −Σ_j y_j ln a_j for a probability vector a (softmax outputs, one-hot y).
/// With softmax outputs δ^L = a − y.
/// </summary>
public sealed class SoftmaxCrossEntropyCost : ICost
{
    private const float Epsilon = 1e-7f;

    /// <inheritdoc />
    public string Name => "softmax-cross-entropy";

    /// <inheritdoc />
    public double Sum(ReadOnlySpan<float> a, ReadOnlySpan<float> y, int outputs, int batch)
    {
        var sum = 0.0;
        for (var i = 0; i < outputs * batch; i++)
        {
            if (y[i] != 0f)
            {
                sum -= y[i] * Math.Log(Math.Max(a[i], Epsilon));
            }
        }

        return sum;
    }

    /// <inheritdoc />
    public void Gradient(ReadOnlySpan<float> a, ReadOnlySpan<float> y, Span<float> g, int outputs, int batch)
    {
        for (var i = 0; i < outputs * batch; i++)
        {
            g[i] = -y[i] / Math.Max(a[i], Epsilon);
        }
    }

    /// <inheritdoc />
    public bool SimplifiesWith(IActivationFunction output) => output is Softmax;
}
