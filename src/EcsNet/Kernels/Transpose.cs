using System.Runtime.CompilerServices;

namespace EcsNet.Kernels;

/// <summary>
/// Matrix transposition in 8 × 8 blocks: a naive loop writes every element to a different cache line (rows are
/// kilobytes apart), which cost more than the whole forward pass; a block touches 8 lines on each side.
/// </summary>
internal static class Transpose
{
    private const int Block = 8;

    /// <summary>dst[c · dstStride + r] = src[r · srcStride + c] for r &lt; rows, c &lt; cols.</summary>
    public static void Run(ReadOnlySpan<float> src, int srcStride, Span<float> dst, int dstStride, int rows, int cols)
    {
        // The inner loop skips bounds checks; these two checks cover every index it forms.
        if (rows == 0 || cols == 0)
        {
            return;
        }

        if ((long)(rows - 1) * srcStride + cols > src.Length || (long)(cols - 1) * dstStride + rows > dst.Length)
        {
            throw new ArgumentException("transpose: a span is too short for the given shape");
        }

        for (var r0 = 0; r0 < rows; r0 += Block)
        {
            var r1 = Math.Min(r0 + Block, rows);
            for (var c0 = 0; c0 < cols; c0 += Block)
            {
                var c1 = Math.Min(c0 + Block, cols);
                for (var c = c0; c < c1; c++)
                {
                    ref var to = ref dst[c * dstStride];
                    ref readonly var from = ref src[c];
                    for (var r = r0; r < r1; r++)
                    {
                        Unsafe.Add(ref to, r) = Unsafe.Add(ref Unsafe.AsRef(in from), r * srcStride);
                    }
                }
            }
        }
    }
}
