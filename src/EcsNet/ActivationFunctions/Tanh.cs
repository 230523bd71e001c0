using System.Numerics.Tensors;
using System.Runtime.Intrinsics;

namespace EcsNet.ActivationFunctions;

/// <summary>tanh(z), tanh′(z) = 1 − tanh²(z).</summary>
public sealed class Tanh : ElementwiseActivationFunction
{
    /// <inheritdoc />
    public override string Name => "tanh";

    /// <inheritdoc />
    public override float Apply(float z) => MathF.Tanh(z);

    /// <inheritdoc />
    public override float Derivative(float z, float a) => 1f - a * a;

    /// <inheritdoc />
    public override void Forward(ReadOnlySpan<float> z, Span<float> a, int neurons, int batch)
        => TensorPrimitives.Tanh(z[..(neurons * batch)], a);

    /// <inheritdoc />
    public override void Backward(ReadOnlySpan<float> z, ReadOnlySpan<float> a, ReadOnlySpan<float> g, Span<float> delta, int neurons, int batch)
    {
        var n = neurons * batch;
        var av = a[..n];
        var gv = g[..n];
        var d = delta[..n];

        // δ = g · (1 − a²) in one vectorised pass rather than a virtual Derivative call per element.
        var i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            var one = Vector256.Create(1f);
            for (; i + Vector256<float>.Count <= n; i += Vector256<float>.Count)
            {
                var ai = Vector256.Create(av.Slice(i, Vector256<float>.Count));
                (Vector256.Create(gv.Slice(i, Vector256<float>.Count)) * (one - (ai * ai))).CopyTo(d[i..]);
            }
        }

        for (; i < n; i++)
        {
            d[i] = gv[i] * (1f - (av[i] * av[i]));
        }
    }
}
