using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using EcsNet.Components;

namespace EcsNet.Kernels;

/// <summary>
/// The dense fast path: the three synapse passes over a <see cref="SynapseTile"/> (up to four targets × a run of
/// consecutive sources), for all m samples. Buffers are neuron-major (<c>[slot · m + b]</c>) except
/// <c>sampleMajor</c> (<c>[b · stride + slot]</c>), which lets the weight gradient run along a weight row.
/// With four targets, every source row loaded from memory serves four targets from registers: that reuse is what
/// brings a per-synapse layout to dense-matrix speed.
/// </summary>
/// <remarks>
/// Each kernel has a 512-bit and a 256-bit body kept in step by hand. One generic body over a static abstract width
/// interface was tried: same inner-loop instructions, but BenchmarkDotNet on an idle machine measured the generic
/// 512-bit forward kernel 1.43× slower and a W1 step at m = 48 1.46× slower, so the twins stay (benchmarks/README.md,
/// "Kernels").
/// </remarks>
internal static class TileKernels
{
    /// <summary>
    /// z_j += Σ_k w_jk a_k for the tile's targets: each weight is broadcast against the m samples of its source row,
    /// and with four targets every source row loaded serves four accumulators. (A 4 × 4 dot-product form over
    /// sample-major rows was measured slower here: tiles are cut at chunk boundaries, and each cut costs a reduction.)
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Forward(in SynapseTile tile, Chunk[] chunks, float[] a, float[] z, int m)
    {
        if (m == 1)
        {
            ForwardOneSample(tile, chunks, a, z);
            return;
        }

        ForwardBroadcast(tile, chunks, a, z, m, 0);
    }

    /// <summary>Sources [<paramref name="from"/>, Length): one weight broadcast against m samples of its source row.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void ForwardBroadcast(in SynapseTile tile, Chunk[] chunks, float[] a, float[] z, int m, int from)
    {
        if (from >= tile.Length)
        {
            return;
        }

        var s0 = tile.FirstSource + from;
        var n = tile.Length - from;
        var b = 0;
        if (tile.Count == 4)
        {
            ref var w0 = ref MemoryMarshal.GetReference(Weights(tile, chunks, 0)[from..]);
            ref var w1 = ref MemoryMarshal.GetReference(Weights(tile, chunks, 1)[from..]);
            ref var w2 = ref MemoryMarshal.GetReference(Weights(tile, chunks, 2)[from..]);
            ref var w3 = ref MemoryMarshal.GetReference(Weights(tile, chunks, 3)[from..]);
            for (; b + 2 * Simd.Width512 <= m; b += 2 * Simd.Width512)
            {
                Forward4x32(ref w0, ref w1, ref w2, ref w3, tile.Targets, s0, n, a, z, m, b);
            }

            for (; b + 2 * Simd.Width <= m; b += 2 * Simd.Width)
            {
                Forward4x16(ref w0, ref w1, ref w2, ref w3, tile.Targets, s0, n, a, z, m, b);
            }
        }

        // Remaining samples (or a tile of one target): one target at a time, 8 samples per vector.
        for (var t = 0; t < tile.Count; t++)
        {
            ref var w = ref MemoryMarshal.GetReference(Weights(tile, chunks, t)[from..]);
            ref var zRow = ref z[tile.Targets[t] * m];
            var c = b;
            for (; c + Simd.Width <= m; c += Simd.Width)
            {
                ref var aCol = ref a[s0 * m + c];
                var acc = Vector256<float>.Zero;
                for (var i = 0; i < n; i++)
                {
                    acc = Simd.MulAdd(Vector256.LoadUnsafe(ref aCol, (nuint)(i * m)), Vector256.Create(Unsafe.Add(ref w, i)), acc);
                }

                (Vector256.LoadUnsafe(ref zRow, (nuint)c) + acc).StoreUnsafe(ref zRow, (nuint)c);
            }

            for (; c < m; c++)
            {
                var sum = 0f;
                for (var i = 0; i < n; i++)
                {
                    sum = Simd.MulAdd(Unsafe.Add(ref w, i), a[(s0 + i) * m + c], sum);
                }

                Unsafe.Add(ref zRow, c) += sum;
            }
        }
    }

    /// <summary>One sample: a dot product along each weight row; four rows share every activation vector loaded.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void ForwardOneSample(in SynapseTile tile, Chunk[] chunks, float[] a, float[] z)
    {
        var n = tile.Length;
        ref var x = ref a[tile.FirstSource];
        if (tile.Count != 4)
        {
            for (var t = 0; t < tile.Count; t++)
            {
                z[tile.Targets[t]] += System.Numerics.Tensors.TensorPrimitives.Dot(Weights(tile, chunks, t), a.AsSpan(tile.FirstSource, n));
            }

            return;
        }

        ref var w0 = ref MemoryMarshal.GetReference(Weights(tile, chunks, 0));
        ref var w1 = ref MemoryMarshal.GetReference(Weights(tile, chunks, 1));
        ref var w2 = ref MemoryMarshal.GetReference(Weights(tile, chunks, 2));
        ref var w3 = ref MemoryMarshal.GetReference(Weights(tile, chunks, 3));
        var c0 = Vector256<float>.Zero;
        var c1 = Vector256<float>.Zero;
        var c2 = Vector256<float>.Zero;
        var c3 = Vector256<float>.Zero;
        var i = 0;
        for (; i + Simd.Width <= n; i += Simd.Width)
        {
            var v = Vector256.LoadUnsafe(ref x, (nuint)i);
            c0 = Simd.MulAdd(Vector256.LoadUnsafe(ref w0, (nuint)i), v, c0);
            c1 = Simd.MulAdd(Vector256.LoadUnsafe(ref w1, (nuint)i), v, c1);
            c2 = Simd.MulAdd(Vector256.LoadUnsafe(ref w2, (nuint)i), v, c2);
            c3 = Simd.MulAdd(Vector256.LoadUnsafe(ref w3, (nuint)i), v, c3);
        }

        float s0 = Vector256.Sum(c0), s1 = Vector256.Sum(c1), s2 = Vector256.Sum(c2), s3 = Vector256.Sum(c3);
        for (; i < n; i++)
        {
            var v = Unsafe.Add(ref x, i);
            s0 = Simd.MulAdd(Unsafe.Add(ref w0, i), v, s0);
            s1 = Simd.MulAdd(Unsafe.Add(ref w1, i), v, s1);
            s2 = Simd.MulAdd(Unsafe.Add(ref w2, i), v, s2);
            s3 = Simd.MulAdd(Unsafe.Add(ref w3, i), v, s3);
        }

        z[tile.Targets[0]] += s0;
        z[tile.Targets[1]] += s1;
        z[tile.Targets[2]] += s2;
        z[tile.Targets[3]] += s3;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Forward4x32(ref float w0, ref float w1, ref float w2, ref float w3, in Int4 targets, int s0, int n, float[] a, float[] z, int m, int b)
    {
        var c00 = Vector512<float>.Zero; var c01 = Vector512<float>.Zero;
        var c10 = Vector512<float>.Zero; var c11 = Vector512<float>.Zero;
        var c20 = Vector512<float>.Zero; var c21 = Vector512<float>.Zero;
        var c30 = Vector512<float>.Zero; var c31 = Vector512<float>.Zero;
        ref var row = ref a[s0 * m + b];
        for (var i = 0; i < n; i++)
        {
            var x0 = Vector512.LoadUnsafe(ref row);
            var x1 = Vector512.LoadUnsafe(ref row, Simd.Width512);
            var v = Vector512.Create(Unsafe.Add(ref w0, i));
            c00 = Simd.MulAdd(x0, v, c00); c01 = Simd.MulAdd(x1, v, c01);
            v = Vector512.Create(Unsafe.Add(ref w1, i));
            c10 = Simd.MulAdd(x0, v, c10); c11 = Simd.MulAdd(x1, v, c11);
            v = Vector512.Create(Unsafe.Add(ref w2, i));
            c20 = Simd.MulAdd(x0, v, c20); c21 = Simd.MulAdd(x1, v, c21);
            v = Vector512.Create(Unsafe.Add(ref w3, i));
            c30 = Simd.MulAdd(x0, v, c30); c31 = Simd.MulAdd(x1, v, c31);
            row = ref Unsafe.Add(ref row, m);
        }

        AddTo(z, targets[0] * m + b, c00, c01);
        AddTo(z, targets[1] * m + b, c10, c11);
        AddTo(z, targets[2] * m + b, c20, c21);
        AddTo(z, targets[3] * m + b, c30, c31);
    }

    // The 256-bit twin of Forward4x32: it takes a remainder of 16–31 samples the 512-bit kernel leaves.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Forward4x16(ref float w0, ref float w1, ref float w2, ref float w3, in Int4 targets, int s0, int n, float[] a, float[] z, int m, int b)
    {
        var c00 = Vector256<float>.Zero; var c01 = Vector256<float>.Zero;
        var c10 = Vector256<float>.Zero; var c11 = Vector256<float>.Zero;
        var c20 = Vector256<float>.Zero; var c21 = Vector256<float>.Zero;
        var c30 = Vector256<float>.Zero; var c31 = Vector256<float>.Zero;
        ref var row = ref a[s0 * m + b];
        for (var i = 0; i < n; i++)
        {
            var x0 = Vector256.LoadUnsafe(ref row);
            var x1 = Vector256.LoadUnsafe(ref row, Simd.Width);
            var v = Vector256.Create(Unsafe.Add(ref w0, i));
            c00 = Simd.MulAdd(x0, v, c00); c01 = Simd.MulAdd(x1, v, c01);
            v = Vector256.Create(Unsafe.Add(ref w1, i));
            c10 = Simd.MulAdd(x0, v, c10); c11 = Simd.MulAdd(x1, v, c11);
            v = Vector256.Create(Unsafe.Add(ref w2, i));
            c20 = Simd.MulAdd(x0, v, c20); c21 = Simd.MulAdd(x1, v, c21);
            v = Vector256.Create(Unsafe.Add(ref w3, i));
            c30 = Simd.MulAdd(x0, v, c30); c31 = Simd.MulAdd(x1, v, c31);
            row = ref Unsafe.Add(ref row, m);
        }

        AddTo(z, targets[0] * m + b, c00, c01);
        AddTo(z, targets[1] * m + b, c10, c11);
        AddTo(z, targets[2] * m + b, c20, c21);
        AddTo(z, targets[3] * m + b, c30, c31);
    }

    /// <summary>g_k += Σ_j w_jk δ_j for the tile's sources (the hidden-delta sum).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Backward(in SynapseTile tile, Chunk[] chunks, float[] d, float[] g, int m, int sourceFrom = 0, int sourceTo = int.MaxValue)
    {
        // Only sources in [sourceFrom, sourceTo): a thread owns those rows of g.
        var lo = Math.Max(sourceFrom, tile.FirstSource);
        var hi = Math.Min(sourceTo, tile.FirstSource + tile.Length);
        if (lo >= hi)
        {
            return;
        }

        var offset = lo - tile.FirstSource;
        var s0 = lo;
        var n = hi - lo;
        if (m == 1)
        {
            var gRow = g.AsSpan(s0, n);
            for (var t = 0; t < tile.Count; t++)
            {
                System.Numerics.Tensors.TensorPrimitives.MultiplyAdd(Weights(tile, chunks, t).Slice(offset, n), d[tile.Targets[t]], gRow, gRow);
            }

            return;
        }

        var b = 0;
        if (tile.Count == 4)
        {
            ref var w0 = ref MemoryMarshal.GetReference(Weights(tile, chunks, 0)[offset..]);
            ref var w1 = ref MemoryMarshal.GetReference(Weights(tile, chunks, 1)[offset..]);
            ref var w2 = ref MemoryMarshal.GetReference(Weights(tile, chunks, 2)[offset..]);
            ref var w3 = ref MemoryMarshal.GetReference(Weights(tile, chunks, 3)[offset..]);
            for (; b + 2 * Simd.Width512 <= m; b += 2 * Simd.Width512)
            {
                Backward4x32(ref w0, ref w1, ref w2, ref w3, tile.Targets, s0, n, d, g, m, b);
            }

            for (; b + 2 * Simd.Width <= m; b += 2 * Simd.Width)
            {
                Backward4x16(ref w0, ref w1, ref w2, ref w3, tile.Targets, s0, n, d, g, m, b);
            }
        }

        for (var t = 0; t < tile.Count; t++)
        {
            ref var w = ref MemoryMarshal.GetReference(Weights(tile, chunks, t)[offset..]);
            ref var dRow = ref d[tile.Targets[t] * m];
            for (var i = 0; i < n; i++)
            {
                ref var gRow = ref g[(s0 + i) * m];
                var c = b;
                var wv = Vector256.Create(Unsafe.Add(ref w, i));
                for (; c + Simd.Width <= m; c += Simd.Width)
                {
                    Simd.MulAdd(Vector256.LoadUnsafe(ref dRow, (nuint)c), wv, Vector256.LoadUnsafe(ref gRow, (nuint)c)).StoreUnsafe(ref gRow, (nuint)c);
                }

                for (; c < m; c++)
                {
                    Unsafe.Add(ref gRow, c) = Simd.MulAdd(Unsafe.Add(ref w, i), Unsafe.Add(ref dRow, c), Unsafe.Add(ref gRow, c));
                }
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Backward4x32(ref float w0, ref float w1, ref float w2, ref float w3, in Int4 targets, int s0, int n, float[] d, float[] g, int m, int b)
    {
        var d00 = Load512(d, targets[0] * m + b, 0); var d01 = Load512(d, targets[0] * m + b, 1);
        var d10 = Load512(d, targets[1] * m + b, 0); var d11 = Load512(d, targets[1] * m + b, 1);
        var d20 = Load512(d, targets[2] * m + b, 0); var d21 = Load512(d, targets[2] * m + b, 1);
        var d30 = Load512(d, targets[3] * m + b, 0); var d31 = Load512(d, targets[3] * m + b, 1);
        ref var row = ref g[s0 * m + b];
        for (var i = 0; i < n; i++)
        {
            var g0 = Vector512.LoadUnsafe(ref row);
            var g1 = Vector512.LoadUnsafe(ref row, Simd.Width512);
            var v = Vector512.Create(Unsafe.Add(ref w0, i));
            g0 = Simd.MulAdd(d00, v, g0); g1 = Simd.MulAdd(d01, v, g1);
            v = Vector512.Create(Unsafe.Add(ref w1, i));
            g0 = Simd.MulAdd(d10, v, g0); g1 = Simd.MulAdd(d11, v, g1);
            v = Vector512.Create(Unsafe.Add(ref w2, i));
            g0 = Simd.MulAdd(d20, v, g0); g1 = Simd.MulAdd(d21, v, g1);
            v = Vector512.Create(Unsafe.Add(ref w3, i));
            g0 = Simd.MulAdd(d30, v, g0); g1 = Simd.MulAdd(d31, v, g1);
            g0.StoreUnsafe(ref row);
            g1.StoreUnsafe(ref row, Simd.Width512);
            row = ref Unsafe.Add(ref row, m);
        }
    }

    // The 256-bit twin of Backward4x32: it takes a remainder of 16–31 samples the 512-bit kernel leaves.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Backward4x16(ref float w0, ref float w1, ref float w2, ref float w3, in Int4 targets, int s0, int n, float[] d, float[] g, int m, int b)
    {
        var d00 = Load(d, targets[0] * m + b, 0); var d01 = Load(d, targets[0] * m + b, 1);
        var d10 = Load(d, targets[1] * m + b, 0); var d11 = Load(d, targets[1] * m + b, 1);
        var d20 = Load(d, targets[2] * m + b, 0); var d21 = Load(d, targets[2] * m + b, 1);
        var d30 = Load(d, targets[3] * m + b, 0); var d31 = Load(d, targets[3] * m + b, 1);
        ref var row = ref g[s0 * m + b];
        for (var i = 0; i < n; i++)
        {
            var g0 = Vector256.LoadUnsafe(ref row);
            var g1 = Vector256.LoadUnsafe(ref row, Simd.Width);
            var v = Vector256.Create(Unsafe.Add(ref w0, i));
            g0 = Simd.MulAdd(d00, v, g0); g1 = Simd.MulAdd(d01, v, g1);
            v = Vector256.Create(Unsafe.Add(ref w1, i));
            g0 = Simd.MulAdd(d10, v, g0); g1 = Simd.MulAdd(d11, v, g1);
            v = Vector256.Create(Unsafe.Add(ref w2, i));
            g0 = Simd.MulAdd(d20, v, g0); g1 = Simd.MulAdd(d21, v, g1);
            v = Vector256.Create(Unsafe.Add(ref w3, i));
            g0 = Simd.MulAdd(d30, v, g0); g1 = Simd.MulAdd(d31, v, g1);
            g0.StoreUnsafe(ref row);
            g1.StoreUnsafe(ref row, Simd.Width);
            row = ref Unsafe.Add(ref row, m);
        }
    }

    /// <summary>
    /// ∂C/∂w_jk += Σ_b a_k δ_j for the tile, reading activations sample-major (<c>sampleMajor[b · stride + k]</c>) so
    /// the sum runs along the weight row, eight sources per vector, with no horizontal reductions; the few sources
    /// left over read <paramref name="a"/> neuron-major.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Gradient(in SynapseTile tile, Chunk[] chunks, float[] a, float[] sampleMajor, int stride, float[] d, int m, bool intoWeights = false)
    {
        var s0 = tile.FirstSource;
        var n = tile.Length;
        if (m == 1)
        {
            // One sample: each gradient row gains δ_j · a, an axpy along the row.
            for (var t = 0; t < tile.Count; t++)
            {
                var gradient = Accumulator(tile, chunks, t, intoWeights);
                System.Numerics.Tensors.TensorPrimitives.MultiplyAdd(a.AsSpan(s0, n), d[tile.Targets[t]], gradient, gradient);
            }

            return;
        }

        var first = 0;
        if (tile.Count == 4)
        {
            for (; first + 4 * Simd.Width512 <= n; first += 4 * Simd.Width512)
            {
                Gradient4x64(tile, chunks, sampleMajor, stride, d, m, first, intoWeights);
            }

            for (; first + 2 * Simd.Width512 <= n; first += 2 * Simd.Width512)
            {
                Gradient4x32(tile, chunks, sampleMajor, stride, d, m, first, intoWeights);
            }

            for (; first + 2 * Simd.Width <= n; first += 2 * Simd.Width)
            {
                Gradient4x16(tile, chunks, sampleMajor, stride, d, m, first, intoWeights);
            }
        }

        for (var t = 0; t < tile.Count; t++)
        {
            ref var gw = ref MemoryMarshal.GetReference(Accumulator(tile, chunks, t, intoWeights));
            ref var dRow = ref d[tile.Targets[t] * m];
            // A four-target tile did its full 16-source strips above; this finishes the rest, one target at a time.
            var i = tile.Count == 4 ? first : 0;
            for (; i + 2 * Simd.Width <= n; i += 2 * Simd.Width)
            {
                var acc0 = Vector256.LoadUnsafe(ref gw, (nuint)i);
                var acc1 = Vector256.LoadUnsafe(ref gw, (nuint)(i + Simd.Width));
                ref var x = ref sampleMajor[s0 + i];
                for (var b = 0; b < m; b++)
                {
                    var delta = Vector256.Create(Unsafe.Add(ref dRow, b));
                    acc0 = Simd.MulAdd(Vector256.LoadUnsafe(ref x), delta, acc0);
                    acc1 = Simd.MulAdd(Vector256.LoadUnsafe(ref x, Simd.Width), delta, acc1);
                    x = ref Unsafe.Add(ref x, stride);
                }

                acc0.StoreUnsafe(ref gw, (nuint)i);
                acc1.StoreUnsafe(ref gw, (nuint)(i + Simd.Width));
            }

            // The last few sources: a dot product over the batch in the neuron-major layout beats a strided scalar loop.
            for (; i < n; i++)
            {
                Unsafe.Add(ref gw, i) += RowKernels.Dot(ref a[(s0 + i) * m], ref dRow, m);
            }
        }
    }

    /// <summary>Sources i … i + 63 of all four targets: sixteen accumulators, each activation vector feeding four.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Gradient4x64(in SynapseTile tile, Chunk[] chunks, float[] sampleMajor, int stride, float[] d, int m, int i, bool intoWeights)
    {
        ref var g0 = ref Unsafe.Add(ref MemoryMarshal.GetReference(Accumulator(tile, chunks, 0, intoWeights)), i);
        ref var g1 = ref Unsafe.Add(ref MemoryMarshal.GetReference(Accumulator(tile, chunks, 1, intoWeights)), i);
        ref var g2 = ref Unsafe.Add(ref MemoryMarshal.GetReference(Accumulator(tile, chunks, 2, intoWeights)), i);
        ref var g3 = ref Unsafe.Add(ref MemoryMarshal.GetReference(Accumulator(tile, chunks, 3, intoWeights)), i);
        ref var d0 = ref d[tile.Targets[0] * m];
        ref var d1 = ref d[tile.Targets[1] * m];
        ref var d2 = ref d[tile.Targets[2] * m];
        ref var d3 = ref d[tile.Targets[3] * m];
        const int W = Simd.Width512;
        var c00 = Vector512.LoadUnsafe(ref g0); var c01 = Vector512.LoadUnsafe(ref g0, W); var c02 = Vector512.LoadUnsafe(ref g0, 2 * W); var c03 = Vector512.LoadUnsafe(ref g0, 3 * W);
        var c10 = Vector512.LoadUnsafe(ref g1); var c11 = Vector512.LoadUnsafe(ref g1, W); var c12 = Vector512.LoadUnsafe(ref g1, 2 * W); var c13 = Vector512.LoadUnsafe(ref g1, 3 * W);
        var c20 = Vector512.LoadUnsafe(ref g2); var c21 = Vector512.LoadUnsafe(ref g2, W); var c22 = Vector512.LoadUnsafe(ref g2, 2 * W); var c23 = Vector512.LoadUnsafe(ref g2, 3 * W);
        var c30 = Vector512.LoadUnsafe(ref g3); var c31 = Vector512.LoadUnsafe(ref g3, W); var c32 = Vector512.LoadUnsafe(ref g3, 2 * W); var c33 = Vector512.LoadUnsafe(ref g3, 3 * W);
        ref var x = ref sampleMajor[tile.FirstSource + i];
        for (var b = 0; b < m; b++)
        {
            var x0 = Vector512.LoadUnsafe(ref x);
            var x1 = Vector512.LoadUnsafe(ref x, W);
            var x2 = Vector512.LoadUnsafe(ref x, 2 * W);
            var x3 = Vector512.LoadUnsafe(ref x, 3 * W);
            var v = Vector512.Create(Unsafe.Add(ref d0, b));
            c00 = Simd.MulAdd(x0, v, c00); c01 = Simd.MulAdd(x1, v, c01); c02 = Simd.MulAdd(x2, v, c02); c03 = Simd.MulAdd(x3, v, c03);
            v = Vector512.Create(Unsafe.Add(ref d1, b));
            c10 = Simd.MulAdd(x0, v, c10); c11 = Simd.MulAdd(x1, v, c11); c12 = Simd.MulAdd(x2, v, c12); c13 = Simd.MulAdd(x3, v, c13);
            v = Vector512.Create(Unsafe.Add(ref d2, b));
            c20 = Simd.MulAdd(x0, v, c20); c21 = Simd.MulAdd(x1, v, c21); c22 = Simd.MulAdd(x2, v, c22); c23 = Simd.MulAdd(x3, v, c23);
            v = Vector512.Create(Unsafe.Add(ref d3, b));
            c30 = Simd.MulAdd(x0, v, c30); c31 = Simd.MulAdd(x1, v, c31); c32 = Simd.MulAdd(x2, v, c32); c33 = Simd.MulAdd(x3, v, c33);
            x = ref Unsafe.Add(ref x, stride);
        }

        c00.StoreUnsafe(ref g0); c01.StoreUnsafe(ref g0, W); c02.StoreUnsafe(ref g0, 2 * W); c03.StoreUnsafe(ref g0, 3 * W);
        c10.StoreUnsafe(ref g1); c11.StoreUnsafe(ref g1, W); c12.StoreUnsafe(ref g1, 2 * W); c13.StoreUnsafe(ref g1, 3 * W);
        c20.StoreUnsafe(ref g2); c21.StoreUnsafe(ref g2, W); c22.StoreUnsafe(ref g2, 2 * W); c23.StoreUnsafe(ref g2, 3 * W);
        c30.StoreUnsafe(ref g3); c31.StoreUnsafe(ref g3, W); c32.StoreUnsafe(ref g3, 2 * W); c33.StoreUnsafe(ref g3, 3 * W);
    }

    /// <summary>Sources i … i + 15 of all four targets: each activation vector loaded serves four gradient rows.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Gradient4x32(in SynapseTile tile, Chunk[] chunks, float[] sampleMajor, int stride, float[] d, int m, int i, bool intoWeights)
    {
        ref var g0 = ref MemoryMarshal.GetReference(Accumulator(tile, chunks, 0, intoWeights));
        ref var g1 = ref MemoryMarshal.GetReference(Accumulator(tile, chunks, 1, intoWeights));
        ref var g2 = ref MemoryMarshal.GetReference(Accumulator(tile, chunks, 2, intoWeights));
        ref var g3 = ref MemoryMarshal.GetReference(Accumulator(tile, chunks, 3, intoWeights));
        ref var d0 = ref d[tile.Targets[0] * m];
        ref var d1 = ref d[tile.Targets[1] * m];
        ref var d2 = ref d[tile.Targets[2] * m];
        ref var d3 = ref d[tile.Targets[3] * m];
        var c00 = Vector512.LoadUnsafe(ref g0, (nuint)i); var c01 = Vector512.LoadUnsafe(ref g0, (nuint)(i + Simd.Width512));
        var c10 = Vector512.LoadUnsafe(ref g1, (nuint)i); var c11 = Vector512.LoadUnsafe(ref g1, (nuint)(i + Simd.Width512));
        var c20 = Vector512.LoadUnsafe(ref g2, (nuint)i); var c21 = Vector512.LoadUnsafe(ref g2, (nuint)(i + Simd.Width512));
        var c30 = Vector512.LoadUnsafe(ref g3, (nuint)i); var c31 = Vector512.LoadUnsafe(ref g3, (nuint)(i + Simd.Width512));
        ref var x = ref sampleMajor[tile.FirstSource + i];
        for (var b = 0; b < m; b++)
        {
            var x0 = Vector512.LoadUnsafe(ref x);
            var x1 = Vector512.LoadUnsafe(ref x, Simd.Width512);
            var v = Vector512.Create(Unsafe.Add(ref d0, b));
            c00 = Simd.MulAdd(x0, v, c00); c01 = Simd.MulAdd(x1, v, c01);
            v = Vector512.Create(Unsafe.Add(ref d1, b));
            c10 = Simd.MulAdd(x0, v, c10); c11 = Simd.MulAdd(x1, v, c11);
            v = Vector512.Create(Unsafe.Add(ref d2, b));
            c20 = Simd.MulAdd(x0, v, c20); c21 = Simd.MulAdd(x1, v, c21);
            v = Vector512.Create(Unsafe.Add(ref d3, b));
            c30 = Simd.MulAdd(x0, v, c30); c31 = Simd.MulAdd(x1, v, c31);
            x = ref Unsafe.Add(ref x, stride);
        }

        c00.StoreUnsafe(ref g0, (nuint)i); c01.StoreUnsafe(ref g0, (nuint)(i + Simd.Width512));
        c10.StoreUnsafe(ref g1, (nuint)i); c11.StoreUnsafe(ref g1, (nuint)(i + Simd.Width512));
        c20.StoreUnsafe(ref g2, (nuint)i); c21.StoreUnsafe(ref g2, (nuint)(i + Simd.Width512));
        c30.StoreUnsafe(ref g3, (nuint)i); c31.StoreUnsafe(ref g3, (nuint)(i + Simd.Width512));
    }

    // The 256-bit twin of Gradient4x32: it takes a remainder of 16–31 sources the 512-bit kernel leaves.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Gradient4x16(in SynapseTile tile, Chunk[] chunks, float[] sampleMajor, int stride, float[] d, int m, int i, bool intoWeights)
    {
        ref var g0 = ref MemoryMarshal.GetReference(Accumulator(tile, chunks, 0, intoWeights));
        ref var g1 = ref MemoryMarshal.GetReference(Accumulator(tile, chunks, 1, intoWeights));
        ref var g2 = ref MemoryMarshal.GetReference(Accumulator(tile, chunks, 2, intoWeights));
        ref var g3 = ref MemoryMarshal.GetReference(Accumulator(tile, chunks, 3, intoWeights));
        ref var d0 = ref d[tile.Targets[0] * m];
        ref var d1 = ref d[tile.Targets[1] * m];
        ref var d2 = ref d[tile.Targets[2] * m];
        ref var d3 = ref d[tile.Targets[3] * m];
        var c00 = Vector256.LoadUnsafe(ref g0, (nuint)i); var c01 = Vector256.LoadUnsafe(ref g0, (nuint)(i + Simd.Width));
        var c10 = Vector256.LoadUnsafe(ref g1, (nuint)i); var c11 = Vector256.LoadUnsafe(ref g1, (nuint)(i + Simd.Width));
        var c20 = Vector256.LoadUnsafe(ref g2, (nuint)i); var c21 = Vector256.LoadUnsafe(ref g2, (nuint)(i + Simd.Width));
        var c30 = Vector256.LoadUnsafe(ref g3, (nuint)i); var c31 = Vector256.LoadUnsafe(ref g3, (nuint)(i + Simd.Width));
        ref var x = ref sampleMajor[tile.FirstSource + i];
        for (var b = 0; b < m; b++)
        {
            var x0 = Vector256.LoadUnsafe(ref x);
            var x1 = Vector256.LoadUnsafe(ref x, Simd.Width);
            var v = Vector256.Create(Unsafe.Add(ref d0, b));
            c00 = Simd.MulAdd(x0, v, c00); c01 = Simd.MulAdd(x1, v, c01);
            v = Vector256.Create(Unsafe.Add(ref d1, b));
            c10 = Simd.MulAdd(x0, v, c10); c11 = Simd.MulAdd(x1, v, c11);
            v = Vector256.Create(Unsafe.Add(ref d2, b));
            c20 = Simd.MulAdd(x0, v, c20); c21 = Simd.MulAdd(x1, v, c21);
            v = Vector256.Create(Unsafe.Add(ref d3, b));
            c30 = Simd.MulAdd(x0, v, c30); c31 = Simd.MulAdd(x1, v, c31);
            x = ref Unsafe.Add(ref x, stride);
        }

        c00.StoreUnsafe(ref g0, (nuint)i); c01.StoreUnsafe(ref g0, (nuint)(i + Simd.Width));
        c10.StoreUnsafe(ref g1, (nuint)i); c11.StoreUnsafe(ref g1, (nuint)(i + Simd.Width));
        c20.StoreUnsafe(ref g2, (nuint)i); c21.StoreUnsafe(ref g2, (nuint)(i + Simd.Width));
        c30.StoreUnsafe(ref g3, (nuint)i); c31.StoreUnsafe(ref g3, (nuint)(i + Simd.Width));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Span<float> Weights(in SynapseTile tile, Chunk[] chunks, int t)
        => MemoryMarshal.Cast<Weight, float>(chunks[tile.Chunks[t]].GetSpan<Weight>().Slice(tile.Rows[t], tile.Length));

    /// <summary>The run of ∂C/∂w — or, for a fused descent step fed with −η/m·δ, of w itself.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Span<float> Accumulator(in SynapseTile tile, Chunk[] chunks, int t, bool intoWeights) => intoWeights
        ? Weights(tile, chunks, t)
        : MemoryMarshal.Cast<WeightGradient, float>(chunks[tile.Chunks[t]].GetSpan<WeightGradient>().Slice(tile.Rows[t], tile.Length));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> Load(float[] buffer, int offset, int block)
        => Vector256.LoadUnsafe(ref buffer[offset], (nuint)(block * Simd.Width));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> Load512(float[] buffer, int offset, int block)
        => Vector512.LoadUnsafe(ref buffer[offset], (nuint)(block * Simd.Width512));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void AddTo(float[] buffer, int offset, Vector512<float> v0, Vector512<float> v1)
    {
        ref var target = ref buffer[offset];
        (Vector512.LoadUnsafe(ref target) + v0).StoreUnsafe(ref target);
        (Vector512.LoadUnsafe(ref target, Simd.Width512) + v1).StoreUnsafe(ref target, Simd.Width512);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void AddTo(float[] buffer, int offset, Vector256<float> v0, Vector256<float> v1)
    {
        ref var target = ref buffer[offset];
        (Vector256.LoadUnsafe(ref target) + v0).StoreUnsafe(ref target);
        (Vector256.LoadUnsafe(ref target, Simd.Width) + v1).StoreUnsafe(ref target, Simd.Width);
    }
}
