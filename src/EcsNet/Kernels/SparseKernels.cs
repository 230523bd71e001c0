using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using EcsNet.Components;

namespace EcsNet.Kernels;

/// <summary>
/// The sparse fast path: the synapse passes over <see cref="SparseRuns"/> (one neuron's synapses in one chunk), for
/// all m samples of neuron-major buffers (<c>[slot · m + b]</c>). Along a run the run's own row stays in registers and
/// each synapse costs one row of m floats of its other end; several independent accumulator chains keep the FMA units
/// busy instead of waiting on one chain's latency, and the weight gradients of eight synapses share one horizontal
/// reduction. The work is proportional to the number of live synapses.
/// </summary>
internal static class SparseKernels
{
    /// <summary>
    /// y_i += Σ_o w_io x_o over the runs [first, first + count) whose own neuron i is in [<paramref name="ownFrom"/>,
    /// <paramref name="ownTo"/>): the feedforward pass z_j += Σ_k w_jk a_k over runs by target, and the
    /// backpropagation g_k += Σ_j w_jk δ_j over runs by source.
    /// </summary>
    public static void Gather(SparseRuns index, int first, int count, Chunk[] chunks, float[] x, float[] y, int m, int ownFrom, int ownTo)
    {
        // The batched kernel's frame (its inlined vector code zero-initialises over a kilobyte of stack on entry) costs
        // more than a whole one-sample pass over a small layer, so one sample takes the short loop instead.
        if (m == 1)
        {
            GatherOneSample(index, first, count, chunks, x, y, ownFrom, ownTo);
        }
        else
        {
            GatherBatch(index, first, count, chunks, x, y, m, ownFrom, ownTo);
        }
    }

    /// <summary><see cref="Gather"/> for one sample: rows are single values.</summary>
    private static void GatherOneSample(SparseRuns index, int first, int count, Chunk[] chunks, float[] x, float[] y, int ownFrom, int ownTo)
    {
        var runs = index.Runs;
        var entries = index.Entries;
        ref var x0 = ref MemoryMarshal.GetArrayDataReference(x);
        var chunk = -1;
        ref var w = ref Unsafe.NullRef<float>();
        for (var r = first; r < first + count; r++)
        {
            var run = runs[r];
            if ((uint)(run.Neuron - ownFrom) < (uint)(ownTo - ownFrom))
            {
                // Consecutive runs mostly share a chunk: its weight column is looked up once.
                if (run.Chunk != chunk)
                {
                    chunk = run.Chunk;
                    w = ref WeightColumn(chunks, chunk);
                }

                y[run.Neuron] += Forward1(ref entries[run.First], run.Count, ref w, ref x0, 1);
            }
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static void GatherBatch(SparseRuns index, int first, int count, Chunk[] chunks, float[] x, float[] y, int m, int ownFrom, int ownTo)
    {
        var runs = index.Runs;
        var entries = index.Entries;
        ref var x0 = ref MemoryMarshal.GetArrayDataReference(x);
        for (var r = first; r < first + count; r++)
        {
            var run = runs[r];
            if ((uint)(run.Neuron - ownFrom) >= (uint)(ownTo - ownFrom))
            {
                continue;
            }

            ref var w = ref WeightColumn(chunks, run.Chunk);
            ref var e = ref entries[run.First];
            ref var yRow = ref y[run.Neuron * m];
            var n = run.Count;
            var b = 0;
            for (; b + (2 * Simd.Width512) <= m; b += 2 * Simd.Width512)
            {
                Forward32(ref e, n, ref w, ref Unsafe.Add(ref x0, b), m, ref Unsafe.Add(ref yRow, b));
            }

            for (; b + Simd.Width <= m; b += Simd.Width)
            {
                Forward8(ref e, n, ref w, ref Unsafe.Add(ref x0, b), m, ref Unsafe.Add(ref yRow, b));
            }

            for (; b < m; b++)
            {
                Unsafe.Add(ref yRow, b) += Forward1(ref e, n, ref w, ref Unsafe.Add(ref x0, b), m);
            }
        }
    }

    /// <summary>
    /// 32 samples of one run: eight accumulators, so four synapses are in flight at once and the FMA latency is hidden.
    /// <paramref name="x"/> is sample b of slot 0; source k's samples start at k · m.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Forward32(ref SparseEntry e, int n, ref float w, ref float x, int m, ref float y)
    {
        var c0 = Vector512<float>.Zero; var c1 = Vector512<float>.Zero;
        var c2 = Vector512<float>.Zero; var c3 = Vector512<float>.Zero;
        var c4 = Vector512<float>.Zero; var c5 = Vector512<float>.Zero;
        var c6 = Vector512<float>.Zero; var c7 = Vector512<float>.Zero;
        var i = 0;
        for (; i + 3 < n; i += 4)
        {
            ref var e0 = ref Unsafe.Add(ref e, i);
            ref var x0 = ref Unsafe.Add(ref x, e0.Neuron * m);
            ref var x1 = ref Unsafe.Add(ref x, Unsafe.Add(ref e0, 1).Neuron * m);
            ref var x2 = ref Unsafe.Add(ref x, Unsafe.Add(ref e0, 2).Neuron * m);
            ref var x3 = ref Unsafe.Add(ref x, Unsafe.Add(ref e0, 3).Neuron * m);
            var v0 = Vector512.Create(Unsafe.Add(ref w, e0.Row));
            var v1 = Vector512.Create(Unsafe.Add(ref w, Unsafe.Add(ref e0, 1).Row));
            var v2 = Vector512.Create(Unsafe.Add(ref w, Unsafe.Add(ref e0, 2).Row));
            var v3 = Vector512.Create(Unsafe.Add(ref w, Unsafe.Add(ref e0, 3).Row));
            c0 = Simd.MulAdd(Vector512.LoadUnsafe(ref x0), v0, c0);
            c1 = Simd.MulAdd(Vector512.LoadUnsafe(ref x0, Simd.Width512), v0, c1);
            c2 = Simd.MulAdd(Vector512.LoadUnsafe(ref x1), v1, c2);
            c3 = Simd.MulAdd(Vector512.LoadUnsafe(ref x1, Simd.Width512), v1, c3);
            c4 = Simd.MulAdd(Vector512.LoadUnsafe(ref x2), v2, c4);
            c5 = Simd.MulAdd(Vector512.LoadUnsafe(ref x2, Simd.Width512), v2, c5);
            c6 = Simd.MulAdd(Vector512.LoadUnsafe(ref x3), v3, c6);
            c7 = Simd.MulAdd(Vector512.LoadUnsafe(ref x3, Simd.Width512), v3, c7);
        }

        for (; i < n; i++)
        {
            ref var e0 = ref Unsafe.Add(ref e, i);
            ref var x0 = ref Unsafe.Add(ref x, e0.Neuron * m);
            var v0 = Vector512.Create(Unsafe.Add(ref w, e0.Row));
            c0 = Simd.MulAdd(Vector512.LoadUnsafe(ref x0), v0, c0);
            c1 = Simd.MulAdd(Vector512.LoadUnsafe(ref x0, Simd.Width512), v0, c1);
        }

        (Vector512.LoadUnsafe(ref y) + ((c0 + c2) + (c4 + c6))).StoreUnsafe(ref y);
        (Vector512.LoadUnsafe(ref y, Simd.Width512) + ((c1 + c3) + (c5 + c7))).StoreUnsafe(ref y, Simd.Width512);
    }

    /// <summary>8 samples of one run, four synapses in flight.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Forward8(ref SparseEntry e, int n, ref float w, ref float x, int m, ref float y)
    {
        var c0 = Vector256<float>.Zero; var c1 = Vector256<float>.Zero;
        var c2 = Vector256<float>.Zero; var c3 = Vector256<float>.Zero;
        var i = 0;
        for (; i + 3 < n; i += 4)
        {
            ref var e0 = ref Unsafe.Add(ref e, i);
            c0 = Simd.MulAdd(Vector256.LoadUnsafe(ref Unsafe.Add(ref x, e0.Neuron * m)), Vector256.Create(Unsafe.Add(ref w, e0.Row)), c0);
            c1 = Simd.MulAdd(Vector256.LoadUnsafe(ref Unsafe.Add(ref x, Unsafe.Add(ref e0, 1).Neuron * m)), Vector256.Create(Unsafe.Add(ref w, Unsafe.Add(ref e0, 1).Row)), c1);
            c2 = Simd.MulAdd(Vector256.LoadUnsafe(ref Unsafe.Add(ref x, Unsafe.Add(ref e0, 2).Neuron * m)), Vector256.Create(Unsafe.Add(ref w, Unsafe.Add(ref e0, 2).Row)), c2);
            c3 = Simd.MulAdd(Vector256.LoadUnsafe(ref Unsafe.Add(ref x, Unsafe.Add(ref e0, 3).Neuron * m)), Vector256.Create(Unsafe.Add(ref w, Unsafe.Add(ref e0, 3).Row)), c3);
        }

        for (; i < n; i++)
        {
            ref var e0 = ref Unsafe.Add(ref e, i);
            c0 = Simd.MulAdd(Vector256.LoadUnsafe(ref Unsafe.Add(ref x, e0.Neuron * m)), Vector256.Create(Unsafe.Add(ref w, e0.Row)), c0);
        }

        (Vector256.LoadUnsafe(ref y) + ((c0 + c1) + (c2 + c3))).StoreUnsafe(ref y);
    }

    /// <summary>One sample of one run, four synapses in flight.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static float Forward1(ref SparseEntry e, int n, ref float w, ref float x, int m)
    {
        float s0 = 0f, s1 = 0f, s2 = 0f, s3 = 0f;
        var i = 0;
        for (; i + 3 < n; i += 4)
        {
            ref var e0 = ref Unsafe.Add(ref e, i);
            s0 = Simd.MulAdd(Unsafe.Add(ref w, e0.Row), Unsafe.Add(ref x, e0.Neuron * m), s0);
            s1 = Simd.MulAdd(Unsafe.Add(ref w, Unsafe.Add(ref e0, 1).Row), Unsafe.Add(ref x, Unsafe.Add(ref e0, 1).Neuron * m), s1);
            s2 = Simd.MulAdd(Unsafe.Add(ref w, Unsafe.Add(ref e0, 2).Row), Unsafe.Add(ref x, Unsafe.Add(ref e0, 2).Neuron * m), s2);
            s3 = Simd.MulAdd(Unsafe.Add(ref w, Unsafe.Add(ref e0, 3).Row), Unsafe.Add(ref x, Unsafe.Add(ref e0, 3).Neuron * m), s3);
        }

        for (; i < n; i++)
        {
            ref var e0 = ref Unsafe.Add(ref e, i);
            s0 = Simd.MulAdd(Unsafe.Add(ref w, e0.Row), Unsafe.Add(ref x, e0.Neuron * m), s0);
        }

        return (s0 + s1) + (s2 + s3);
    }

    /// <summary>
    /// ∂C/∂w_jk += Σ_b a_k δ_j over the runs [first, first + count) — or, fed with −η/m·δ for a fused descent step,
    /// w_jk += Σ_b a_k δ′_j.
    /// </summary>
    public static void Gradient(SparseRuns byTarget, int first, int count, Chunk[] chunks, float[] a, float[] d, int m, bool intoWeights)
    {
        // As in Gather: one sample keeps out of the batched kernel's large frame.
        if (m == 1)
        {
            GradientOneSample(byTarget, first, count, chunks, a, d, intoWeights);
        }
        else
        {
            GradientBatch(byTarget, first, count, chunks, a, d, m, intoWeights);
        }
    }

    /// <summary><see cref="Gradient"/> for one sample: a product per synapse, no reduction.</summary>
    private static void GradientOneSample(SparseRuns byTarget, int first, int count, Chunk[] chunks, float[] a, float[] d, bool intoWeights)
    {
        var runs = byTarget.Runs;
        var entries = byTarget.Entries;
        ref var x = ref MemoryMarshal.GetArrayDataReference(a);
        var chunk = -1;
        ref var sums = ref Unsafe.NullRef<float>();
        for (var r = first; r < first + count; r++)
        {
            var run = runs[r];
            if (run.Chunk != chunk)
            {
                chunk = run.Chunk;
                sums = ref intoWeights ? ref WeightColumn(chunks, chunk) : ref GradientColumn(chunks, chunk);
            }

            ref var e = ref entries[run.First];
            var delta = d[run.Neuron];
            for (var i = 0; i < run.Count; i++)
            {
                var entry = Unsafe.Add(ref e, i);
                Unsafe.Add(ref sums, entry.Row) += Unsafe.Add(ref x, entry.Neuron) * delta;
            }
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static void GradientBatch(SparseRuns byTarget, int first, int count, Chunk[] chunks, float[] a, float[] d, int m, bool intoWeights)
    {
        var runs = byTarget.Runs;
        var entries = byTarget.Entries;
        ref var x = ref MemoryMarshal.GetArrayDataReference(a);
        for (var r = first; r < first + count; r++)
        {
            var run = runs[r];
            ref var sums = ref intoWeights ? ref WeightColumn(chunks, run.Chunk) : ref GradientColumn(chunks, run.Chunk);
            ref var e = ref entries[run.First];
            ref var dRow = ref d[run.Neuron * m];
            var n = run.Count;
            if (m < Simd.Width)
            {
                for (var i = 0; i < n; i++)
                {
                    var entry = Unsafe.Add(ref e, i);
                    Unsafe.Add(ref sums, entry.Row) += RowKernels.Dot(ref Unsafe.Add(ref x, entry.Neuron * m), ref dRow, m);
                }

                continue;
            }

            var full = n & ~7;
            for (var i = 0; i < full; i += 8)
            {
                ref var e0 = ref Unsafe.Add(ref e, i);
                var dots = Dot8(ref e0, 8, ref x, ref dRow, m);
                if (Unsafe.Add(ref e0, 7).Row - e0.Row == 7)
                {
                    // Eight consecutive rows (rows ascend in a run): one vector update.
                    ref var target = ref Unsafe.Add(ref sums, e0.Row);
                    (Vector256.LoadUnsafe(ref target) + dots).StoreUnsafe(ref target);
                    continue;
                }

                Scatter(ref e0, 8, ref sums, dots);
            }

            if (full < n)
            {
                // The last n mod 8 synapses still share one reduction: the unused lanes repeat the run's last synapse
                // and are dropped.
                ref var e0 = ref Unsafe.Add(ref e, full);
                Scatter(ref e0, n - full, ref sums, Dot8(ref e0, n - full, ref x, ref dRow, m));
            }
        }
    }

    /// <summary>Adds lane t of <paramref name="dots"/> to synapse t's row, for the first <paramref name="valid"/> synapses.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Scatter(ref SparseEntry e, int valid, ref float sums, Vector256<float> dots)
    {
        // Stored once, then read lane by lane: reading a vector's lanes by a varying index stored the whole vector again
        // for every lane, each read waiting on that store.
        Unsafe.SkipInit(out Lanes lanes);
        dots.StoreUnsafe(ref lanes[0]);
        for (var t = 0; t < valid; t++)
        {
            Unsafe.Add(ref sums, Unsafe.Add(ref e, t).Row) += lanes[t];
        }
    }

    /// <summary>The lanes of one 256-bit vector, in memory.</summary>
    [InlineArray(Simd.Width)]
    private struct Lanes
    {
        private float _lane;
    }

    /// <summary>
    /// Σ_b a_k δ_j for the eight synapses from <paramref name="e"/> on: element t is synapse t's sum. Only the first
    /// <paramref name="valid"/> synapses are read; the other lanes repeat the last of them.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> Dot8(ref SparseEntry e, int valid, ref float x, ref float dRow, int m)
    {
        ref var x0 = ref Unsafe.Add(ref x, e.Neuron * m);
        ref var x1 = ref Unsafe.Add(ref x, Unsafe.Add(ref e, Math.Min(1, valid - 1)).Neuron * m);
        ref var x2 = ref Unsafe.Add(ref x, Unsafe.Add(ref e, Math.Min(2, valid - 1)).Neuron * m);
        ref var x3 = ref Unsafe.Add(ref x, Unsafe.Add(ref e, Math.Min(3, valid - 1)).Neuron * m);
        ref var x4 = ref Unsafe.Add(ref x, Unsafe.Add(ref e, Math.Min(4, valid - 1)).Neuron * m);
        ref var x5 = ref Unsafe.Add(ref x, Unsafe.Add(ref e, Math.Min(5, valid - 1)).Neuron * m);
        ref var x6 = ref Unsafe.Add(ref x, Unsafe.Add(ref e, Math.Min(6, valid - 1)).Neuron * m);
        ref var x7 = ref Unsafe.Add(ref x, Unsafe.Add(ref e, Math.Min(7, valid - 1)).Neuron * m);
        var c0 = Vector512<float>.Zero; var c1 = Vector512<float>.Zero; var c2 = Vector512<float>.Zero; var c3 = Vector512<float>.Zero;
        var c4 = Vector512<float>.Zero; var c5 = Vector512<float>.Zero; var c6 = Vector512<float>.Zero; var c7 = Vector512<float>.Zero;
        var b = 0;
        for (; b + Simd.Width512 <= m; b += Simd.Width512)
        {
            var o = (nuint)b;
            var dv = Vector512.LoadUnsafe(ref dRow, o);
            c0 = Simd.MulAdd(Vector512.LoadUnsafe(ref x0, o), dv, c0);
            c1 = Simd.MulAdd(Vector512.LoadUnsafe(ref x1, o), dv, c1);
            c2 = Simd.MulAdd(Vector512.LoadUnsafe(ref x2, o), dv, c2);
            c3 = Simd.MulAdd(Vector512.LoadUnsafe(ref x3, o), dv, c3);
            c4 = Simd.MulAdd(Vector512.LoadUnsafe(ref x4, o), dv, c4);
            c5 = Simd.MulAdd(Vector512.LoadUnsafe(ref x5, o), dv, c5);
            c6 = Simd.MulAdd(Vector512.LoadUnsafe(ref x6, o), dv, c6);
            c7 = Simd.MulAdd(Vector512.LoadUnsafe(ref x7, o), dv, c7);
        }

        if (b + Simd.Width <= m)
        {
            // A last block of 8 samples runs at full width with its upper half zero (out of the loop above, whose
            // loads then need no test each).
            var o = (nuint)b;
            var dv = HalfLoad(ref dRow, o);
            c0 = Simd.MulAdd(HalfLoad(ref x0, o), dv, c0);
            c1 = Simd.MulAdd(HalfLoad(ref x1, o), dv, c1);
            c2 = Simd.MulAdd(HalfLoad(ref x2, o), dv, c2);
            c3 = Simd.MulAdd(HalfLoad(ref x3, o), dv, c3);
            c4 = Simd.MulAdd(HalfLoad(ref x4, o), dv, c4);
            c5 = Simd.MulAdd(HalfLoad(ref x5, o), dv, c5);
            c6 = Simd.MulAdd(HalfLoad(ref x6, o), dv, c6);
            c7 = Simd.MulAdd(HalfLoad(ref x7, o), dv, c7);
            b += Simd.Width;
        }

        var sums = Sum8(
            c0.GetLower() + c0.GetUpper(), c1.GetLower() + c1.GetUpper(), c2.GetLower() + c2.GetUpper(), c3.GetLower() + c3.GetUpper(),
            c4.GetLower() + c4.GetUpper(), c5.GetLower() + c5.GetUpper(), c6.GetLower() + c6.GetUpper(), c7.GetLower() + c7.GetUpper());
        if (b < m)
        {
            // The last m mod 8 samples, one synapse at a time.
            sums += Vector256.Create(
                TailDot(ref x0, ref dRow, b, m), TailDot(ref x1, ref dRow, b, m), TailDot(ref x2, ref dRow, b, m), TailDot(ref x3, ref dRow, b, m),
                TailDot(ref x4, ref dRow, b, m), TailDot(ref x5, ref dRow, b, m), TailDot(ref x6, ref dRow, b, m), TailDot(ref x7, ref dRow, b, m));
        }

        return sums;
    }

    /// <summary>8 floats from <paramref name="x"/> + <paramref name="o"/>, then 8 zeros.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> HalfLoad(ref float x, nuint o) => Vector512.Create(Vector256.LoadUnsafe(ref x, o), Vector256<float>.Zero);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static float TailDot(ref float x, ref float y, int from, int m)
    {
        var sum = 0f;
        for (var c = from; c < m; c++)
        {
            sum = Simd.MulAdd(Unsafe.Add(ref x, c), Unsafe.Add(ref y, c), sum);
        }

        return sum;
    }

    /// <summary>The lane sums of eight vectors as one vector: one reduction tree instead of eight.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> Sum8(Vector256<float> v0, Vector256<float> v1, Vector256<float> v2, Vector256<float> v3, Vector256<float> v4, Vector256<float> v5, Vector256<float> v6, Vector256<float> v7)
    {
        if (!Avx.IsSupported)
        {
            return Vector256.Create(Vector256.Sum(v0), Vector256.Sum(v1), Vector256.Sum(v2), Vector256.Sum(v3), Vector256.Sum(v4), Vector256.Sum(v5), Vector256.Sum(v6), Vector256.Sum(v7));
        }

        // Pairwise adds: lane t of each 128-bit half ends up holding part of vector t's sum; the halves then add.
        var u0 = Avx.HorizontalAdd(Avx.HorizontalAdd(v0, v1), Avx.HorizontalAdd(v2, v3));
        var u1 = Avx.HorizontalAdd(Avx.HorizontalAdd(v4, v5), Avx.HorizontalAdd(v6, v7));
        return Avx.Permute2x128(u0, u1, 0x20) + Avx.Permute2x128(u0, u1, 0x31);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ref float WeightColumn(Chunk[] chunks, int chunk) => ref Unsafe.As<Weight, float>(ref chunks[chunk].GetFirst<Weight>());

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ref float GradientColumn(Chunk[] chunks, int chunk) => ref Unsafe.As<WeightGradient, float>(ref chunks[chunk].GetFirst<WeightGradient>());
}
