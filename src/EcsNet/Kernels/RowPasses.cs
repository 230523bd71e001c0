using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using EcsNet.Components;

namespace EcsNet.Kernels;

/// <summary>
/// The per-synapse passes, one synapse row at a time over all m samples: the lectures' algorithm written out, the
/// reference the tiled fast path is tested against, and the general path for rows no tile covers (pruned, sparse,
/// skip and hand-wired synapses).
/// </summary>
internal static class RowPasses
{
    /// <summary>z_j += w_jk a_k.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Forward(ReadOnlySpan<SynapseSegment> segments, Chunk[] chunks, float[] a, float[] z, int m)
    {
        foreach (var segment in segments)
        {
            ref var chunk = ref chunks[segment.Chunk];
            chunk.GetSpan<Synapse, Weight>(out var synapses, out var weights);
            var rows = synapses.Slice(segment.Start, segment.Count);
            var w = MemoryMarshal.Cast<Weight, float>(weights.Slice(segment.Start, segment.Count));
            var c = 0;
            for (; c + 4 * Simd.Width <= m; c += 4 * Simd.Width)
            {
                ForwardColumns32(rows, w, a, z, m, c);
            }

            if (c < m)
            {
                for (var r = 0; r < rows.Length; r++)
                {
                    RowKernels.Axpy(w[r], ref a[rows[r].Source * m + c], ref z[rows[r].Target * m + c], m - c);
                }
            }
        }
    }

    /// <summary>
    /// Columns c … c + 31 of a run of rows: rows are stored target-major, so consecutive rows usually share their
    /// target and its sum stays in four registers until the target changes.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void ForwardColumns32(ReadOnlySpan<Synapse> rows, ReadOnlySpan<float> w, float[] a, float[] z, int m, int c)
    {
        var target = -1;
        Vector256<float> c0 = default, c1 = default, c2 = default, c3 = default;
        for (var r = 0; r < rows.Length; r++)
        {
            if (rows[r].Target != target)
            {
                Flush(z, target, m, c, c0, c1, c2, c3);
                target = rows[r].Target;
                c0 = c1 = c2 = c3 = Vector256<float>.Zero;
            }

            ref var x = ref a[rows[r].Source * m + c];
            var v = Vector256.Create(w[r]);
            c0 = Simd.MulAdd(Vector256.LoadUnsafe(ref x), v, c0);
            c1 = Simd.MulAdd(Vector256.LoadUnsafe(ref x, Simd.Width), v, c1);
            c2 = Simd.MulAdd(Vector256.LoadUnsafe(ref x, 2 * Simd.Width), v, c2);
            c3 = Simd.MulAdd(Vector256.LoadUnsafe(ref x, 3 * Simd.Width), v, c3);
        }

        Flush(z, target, m, c, c0, c1, c2, c3);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Flush(float[] z, int target, int m, int c, Vector256<float> c0, Vector256<float> c1, Vector256<float> c2, Vector256<float> c3)
    {
        if (target < 0)
        {
            return;
        }

        ref var y = ref z[target * m + c];
        (Vector256.LoadUnsafe(ref y) + c0).StoreUnsafe(ref y);
        (Vector256.LoadUnsafe(ref y, Simd.Width) + c1).StoreUnsafe(ref y, Simd.Width);
        (Vector256.LoadUnsafe(ref y, 2 * Simd.Width) + c2).StoreUnsafe(ref y, 2 * Simd.Width);
        (Vector256.LoadUnsafe(ref y, 3 * Simd.Width) + c3).StoreUnsafe(ref y, 3 * Simd.Width);
    }

    /// <summary>g_k += w_jk δ_j, skipping synapses that leave the input layer (it has no δ).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Backward(ReadOnlySpan<SynapseSegment> segments, Chunk[] chunks, float[] d, float[] g, int m)
    {
        foreach (var segment in segments)
        {
            if (segment.SourceLayer == 0)
            {
                continue;
            }

            ref var chunk = ref chunks[segment.Chunk];
            chunk.GetSpan<Synapse, Weight>(out var synapses, out var weights);
            for (var r = segment.Start; r < segment.Start + segment.Count; r++)
            {
                RowKernels.Axpy(weights[r].Value, ref d[synapses[r].Target * m], ref g[synapses[r].Source * m], m);
            }
        }
    }

    /// <summary>∂C/∂w_jk += Σ_b a_k δ_j (or, fed with −η/m·δ for a fused descent step, w_jk += Σ_b a_k δ'_j).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Gradient(ReadOnlySpan<SynapseSegment> segments, Chunk[] chunks, float[] a, float[] d, int m, bool intoWeights = false)
    {
        foreach (var segment in segments)
        {
            ref var chunk = ref chunks[segment.Chunk];
            var synapses = chunk.GetSpan<Synapse>();
            var g = intoWeights
                ? MemoryMarshal.Cast<Weight, float>(chunk.GetSpan<Weight>())
                : MemoryMarshal.Cast<WeightGradient, float>(chunk.GetSpan<WeightGradient>());
            for (var r = segment.Start; r < segment.Start + segment.Count; r++)
            {
                g[r] += RowKernels.Dot(ref a[synapses[r].Source * m], ref d[synapses[r].Target * m], m);
            }
        }
    }
}
