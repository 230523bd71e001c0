namespace EcsNet.ActivationFunctions;

/// <summary>
/// softmax over a layer: a_j = e^{z_j} / Σ_i e^{z_i} for each sample; its Jacobian is ∂a_i/∂z_j = a_i(δ_ij − a_j).
/// Paired with cross-entropy the output delta simplifies to a − y and the Jacobian is never formed.
/// </summary>
public sealed class Softmax : IActivationFunction
{
    /// <inheritdoc />
    public string Name => "softmax";

    /// <inheritdoc />
    public void Forward(ReadOnlySpan<float> z, Span<float> a, int neurons, int batch)
    {
        for (var b = 0; b < batch; b++)
        {
            // Subtracting the maximum keeps e^z finite; the result is unchanged.
            var max = float.NegativeInfinity;
            for (var j = 0; j < neurons; j++)
            {
                max = MathF.Max(max, z[j * batch + b]);
            }

            var sum = 0f;
            for (var j = 0; j < neurons; j++)
            {
                var e = MathF.Exp(z[j * batch + b] - max);
                a[j * batch + b] = e;
                sum += e;
            }

            for (var j = 0; j < neurons; j++)
            {
                a[j * batch + b] /= sum;
            }
        }
    }

    /// <inheritdoc />
    public void Backward(ReadOnlySpan<float> z, ReadOnlySpan<float> a, ReadOnlySpan<float> g, Span<float> delta, int neurons, int batch)
    {
        // δ_j = Σ_i g_i a_i (δ_ij − a_j) = a_j (g_j − Σ_i g_i a_i).
        for (var b = 0; b < batch; b++)
        {
            var dot = 0f;
            for (var i = 0; i < neurons; i++)
            {
                dot += g[i * batch + b] * a[i * batch + b];
            }

            for (var j = 0; j < neurons; j++)
            {
                delta[j * batch + b] = a[j * batch + b] * (g[j * batch + b] - dot);
            }
        }
    }

    /// <inheritdoc />
    public override string ToString() => Name;
}
