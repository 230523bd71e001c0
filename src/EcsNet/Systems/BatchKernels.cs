using System.Numerics.Tensors;
using System.Runtime.CompilerServices;

namespace EcsNet.Systems;

/// <summary>
/// The two operations every per-synapse pass is made of, over the m samples of a batch. At m = 1 the call into
/// TensorPrimitives costs more than the arithmetic, so the scalar case is handled inline.
/// </summary>
internal static class BatchKernels
{
    /// <summary>y += w · x.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Axpy(float w, ReadOnlySpan<float> x, Span<float> y)
    {
        if (x.Length == 1)
        {
            y[0] += w * x[0];
            return;
        }

        TensorPrimitives.MultiplyAdd(x, w, y, y);
    }

    /// <summary>Σ_b x_b · y_b.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Dot(ReadOnlySpan<float> x, ReadOnlySpan<float> y)
        => x.Length == 1 ? x[0] * y[0] : TensorPrimitives.Dot(x, y);
}
