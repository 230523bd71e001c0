using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace EcsNet.Kernels;

/// <summary>
/// Matrix transposition in 8 × 8 blocks: a naive loop writes every element to a different cache line (rows are
/// kilobytes apart) and cost more than the whole forward pass; a block touches 8 lines on each side, and with AVX it
/// is eight loads, twenty-four shuffles and eight stores.
/// </summary>
internal static class Transpose
{
    private const int Block = 8;

    /// <summary>dst[c · dstStride + r] = src[r · srcStride + c] for r &lt; rows, c &lt; cols.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Run(ReadOnlySpan<float> src, int srcStride, Span<float> dst, int dstStride, int rows, int cols)
    {
        // The loops below skip bounds checks; these two checks cover every index they form.
        if (rows == 0 || cols == 0)
        {
            return;
        }

        if ((long)(rows - 1) * srcStride + cols > src.Length || (long)(cols - 1) * dstStride + rows > dst.Length)
        {
            throw new ArgumentException("transpose: a span is too short for the given shape");
        }

        if (rows == 1 && dstStride == 1)
        {
            // One sample: its row is already the column (a one-sample step loads inputs and targets this way).
            src[..cols].CopyTo(dst);
            return;
        }

        ref var s = ref Unsafe.AsRef(in src[0]);
        ref var d = ref dst[0];

        // The short side is walked inside: every strip of 8 along the long side is finished before the next, so the
        // long side's rows are read or written whole, in order (a batch's inputs stream in from memory once), and
        // only 8 rows of the short side's few rows are open at a time.
        if (cols >= rows)
        {
            for (var c0 = 0; c0 < cols; c0 += Block)
            {
                for (var r0 = 0; r0 < rows; r0 += Block)
                {
                    Tile(ref s, srcStride, ref d, dstStride, r0, Math.Min(r0 + Block, rows), c0, Math.Min(c0 + Block, cols));
                }
            }
        }
        else
        {
            for (var r0 = 0; r0 < rows; r0 += Block)
            {
                for (var c0 = 0; c0 < cols; c0 += Block)
                {
                    Tile(ref s, srcStride, ref d, dstStride, r0, Math.Min(r0 + Block, rows), c0, Math.Min(c0 + Block, cols));
                }
            }
        }
    }

    /// <summary>Rows [r0, r1) × columns [c0, c1), at most 8 × 8.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Tile(ref float s, int srcStride, ref float d, int dstStride, int r0, int r1, int c0, int c1)
    {
        if (Avx.IsSupported && r1 - r0 == Block && c1 - c0 == Block)
        {
            Block8x8(ref Unsafe.Add(ref s, r0 * srcStride + c0), srcStride, ref Unsafe.Add(ref d, c0 * dstStride + r0), dstStride);
            return;
        }

        for (var c = c0; c < c1; c++)
        {
            for (var r = r0; r < r1; r++)
            {
                Unsafe.Add(ref d, c * dstStride + r) = Unsafe.Add(ref s, r * srcStride + c);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Block8x8(ref float src, int srcStride, ref float dst, int dstStride)
    {
        var r0 = Vector256.LoadUnsafe(ref src);
        var r1 = Vector256.LoadUnsafe(ref src, (nuint)srcStride);
        var r2 = Vector256.LoadUnsafe(ref src, (nuint)(2 * srcStride));
        var r3 = Vector256.LoadUnsafe(ref src, (nuint)(3 * srcStride));
        var r4 = Vector256.LoadUnsafe(ref src, (nuint)(4 * srcStride));
        var r5 = Vector256.LoadUnsafe(ref src, (nuint)(5 * srcStride));
        var r6 = Vector256.LoadUnsafe(ref src, (nuint)(6 * srcStride));
        var r7 = Vector256.LoadUnsafe(ref src, (nuint)(7 * srcStride));

        // Interleave pairs of rows, then pairs of pairs, then swap 128-bit halves: the classic 8 × 8 float transpose.
        var t0 = Avx.UnpackLow(r0, r1);
        var t1 = Avx.UnpackHigh(r0, r1);
        var t2 = Avx.UnpackLow(r2, r3);
        var t3 = Avx.UnpackHigh(r2, r3);
        var t4 = Avx.UnpackLow(r4, r5);
        var t5 = Avx.UnpackHigh(r4, r5);
        var t6 = Avx.UnpackLow(r6, r7);
        var t7 = Avx.UnpackHigh(r6, r7);
        var u0 = Avx.Shuffle(t0, t2, 0x44);
        var u1 = Avx.Shuffle(t0, t2, 0xEE);
        var u2 = Avx.Shuffle(t1, t3, 0x44);
        var u3 = Avx.Shuffle(t1, t3, 0xEE);
        var u4 = Avx.Shuffle(t4, t6, 0x44);
        var u5 = Avx.Shuffle(t4, t6, 0xEE);
        var u6 = Avx.Shuffle(t5, t7, 0x44);
        var u7 = Avx.Shuffle(t5, t7, 0xEE);
        Avx.Permute2x128(u0, u4, 0x20).StoreUnsafe(ref dst);
        Avx.Permute2x128(u1, u5, 0x20).StoreUnsafe(ref dst, (nuint)dstStride);
        Avx.Permute2x128(u2, u6, 0x20).StoreUnsafe(ref dst, (nuint)(2 * dstStride));
        Avx.Permute2x128(u3, u7, 0x20).StoreUnsafe(ref dst, (nuint)(3 * dstStride));
        Avx.Permute2x128(u0, u4, 0x31).StoreUnsafe(ref dst, (nuint)(4 * dstStride));
        Avx.Permute2x128(u1, u5, 0x31).StoreUnsafe(ref dst, (nuint)(5 * dstStride));
        Avx.Permute2x128(u2, u6, 0x31).StoreUnsafe(ref dst, (nuint)(6 * dstStride));
        Avx.Permute2x128(u3, u7, 0x31).StoreUnsafe(ref dst, (nuint)(7 * dstStride));
    }
}
