using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace EcsNet.Kernels;

/// <summary>
/// One synapse over the m samples of a batch: the general path for rows no tile covers. Inlined, because at small m the
/// call would cost more than the arithmetic.
/// </summary>
internal static class RowKernels
{
    /// <summary>y[0..m) += w · x[0..m).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Axpy(float w, ref float x, ref float y, int m)
    {
        var b = 0;
        if (m >= Simd.Width)
        {
            var wv = Vector256.Create(w);
            for (; b <= m - Simd.Width; b += Simd.Width)
            {
                var r = Simd.MulAdd(Vector256.LoadUnsafe(ref x, (nuint)b), wv, Vector256.LoadUnsafe(ref y, (nuint)b));
                r.StoreUnsafe(ref y, (nuint)b);
            }
        }

        for (; b < m; b++)
        {
            Unsafe.Add(ref y, b) = Simd.MulAdd(w, Unsafe.Add(ref x, b), Unsafe.Add(ref y, b));
        }
    }

    /// <summary>Σ_b x_b · y_b over m samples.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Dot(ref float x, ref float y, int m)
    {
        var b = 0;
        var sum = 0f;
        if (m >= Simd.Width)
        {
            var acc = Vector256<float>.Zero;
            for (; b <= m - Simd.Width; b += Simd.Width)
            {
                acc = Simd.MulAdd(Vector256.LoadUnsafe(ref x, (nuint)b), Vector256.LoadUnsafe(ref y, (nuint)b), acc);
            }

            sum = Vector256.Sum(acc);
        }

        for (; b < m; b++)
        {
            sum = Simd.MulAdd(Unsafe.Add(ref x, b), Unsafe.Add(ref y, b), sum);
        }

        return sum;
    }
}
