using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace EcsNet.Baselines;

/// <summary>
/// The three GEMM-shaped loops of a mini-batch SGD step, register-tiled with <see cref="Vector512{T}"/>.
/// </summary>
/// <remarks>
/// <para>All matrices are row-major with a row stride that is a multiple of 16 floats (one Vector512), and the
/// padding columns hold zeros, so the k loops need no tail handling. Activations and deltas are
/// sample-major (<c>a[s * stride + k]</c>): the forward pass becomes dot products of a weight row with an
/// activation row, and the weight update an axpy along the weight row — both stream contiguous memory.</para>
/// <para>Tiles are 4×4 (16 zmm accumulators + 8 operands, within the 32 AVX-512 registers): per 16 FMAs only 8
/// loads, so the loops are FMA-bound rather than load-bound. Remainder tiles (4×1, 1×4, 1×1) accumulate every
/// element in exactly the same order as the full tile, so a result never depends on which tile — or which
/// thread's row range — computed it: the 1- and 2-thread networks are bit-identical.</para>
/// <para>The three entry points are compiled fully optimised on first call, like the library's own kernels: a short
/// in-process timing (<c>ecsnet bench</c>) would otherwise measure them partly at tier 0 and flatter the other layouts.</para>
/// </remarks>
internal static unsafe class DenseKernels
{
    /// <summary>Floats per vector; every stride is a multiple of this.</summary>
    public const int Lanes = 16;

    /// <summary>
    /// Forward: <c>z[s, j] = bias[j] + Σ_k w[j, k] · a[s, k]</c> for rows <c>j ∈ [j0, j1)</c> and samples
    /// <c>s ∈ [0, m)</c>; <paramref name="kLength"/> is the padded input length.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Forward(
        float* w, int wStride, float* a, int aStride, int kLength, float* bias, float* z, int zStride,
        int j0, int j1, int m)
    {
        var j = j0;
        for (; j + 4 <= j1; j += 4)
        {
            var w0 = w + (j * wStride);
            var s = 0;
            for (; s + 4 <= m; s += 4)
            {
                Dot4x4(w0, wStride, a + (s * aStride), aStride, kLength, bias + j, z + (s * zStride) + j, zStride);
            }
            for (; s < m; s++)
            {
                // Four weight rows against one sample: the results are z[s, j..j+3], adjacent in memory.
                var zr = z + (s * zStride) + j;
                Dot4x1(w0, wStride, a + (s * aStride), kLength, zr, 1, bias + j, 1);
            }
        }
        for (; j < j1; j++)
        {
            var wr = w + (j * wStride);
            var s = 0;
            for (; s + 4 <= m; s += 4)
            {
                // Four samples against one weight row (a dot product is symmetric): results z[s..s+3, j].
                Dot4x1(a + (s * aStride), aStride, wr, kLength, z + (s * zStride) + j, zStride, bias + j, 0);
            }
            for (; s < m; s++)
            {
                var acc = Vector512<float>.Zero;
                var ar = a + (s * aStride);
                for (var k = 0; k < kLength; k += Lanes)
                {
                    acc = Vector512.FusedMultiplyAdd(Vector512.Load(wr + k), Vector512.Load(ar + k), acc);
                }
                z[(s * zStride) + j] = Reduce1(acc) + bias[j];
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Dot4x4(float* w, int wStride, float* a, int aStride, int kLength, float* bias, float* z, int zStride)
    {
        Vector512<float> c00 = default, c01 = default, c02 = default, c03 = default;
        Vector512<float> c10 = default, c11 = default, c12 = default, c13 = default;
        Vector512<float> c20 = default, c21 = default, c22 = default, c23 = default;
        Vector512<float> c30 = default, c31 = default, c32 = default, c33 = default;
        float* w1 = w + wStride, w2 = w + (2 * wStride), w3 = w + (3 * wStride);
        float* a1 = a + aStride, a2 = a + (2 * aStride), a3 = a + (3 * aStride);
        for (var k = 0; k < kLength; k += Lanes)
        {
            var x0 = Vector512.Load(a + k);
            var x1 = Vector512.Load(a1 + k);
            var x2 = Vector512.Load(a2 + k);
            var x3 = Vector512.Load(a3 + k);
            var v = Vector512.Load(w + k);
            c00 = Vector512.FusedMultiplyAdd(v, x0, c00);
            c01 = Vector512.FusedMultiplyAdd(v, x1, c01);
            c02 = Vector512.FusedMultiplyAdd(v, x2, c02);
            c03 = Vector512.FusedMultiplyAdd(v, x3, c03);
            v = Vector512.Load(w1 + k);
            c10 = Vector512.FusedMultiplyAdd(v, x0, c10);
            c11 = Vector512.FusedMultiplyAdd(v, x1, c11);
            c12 = Vector512.FusedMultiplyAdd(v, x2, c12);
            c13 = Vector512.FusedMultiplyAdd(v, x3, c13);
            v = Vector512.Load(w2 + k);
            c20 = Vector512.FusedMultiplyAdd(v, x0, c20);
            c21 = Vector512.FusedMultiplyAdd(v, x1, c21);
            c22 = Vector512.FusedMultiplyAdd(v, x2, c22);
            c23 = Vector512.FusedMultiplyAdd(v, x3, c23);
            v = Vector512.Load(w3 + k);
            c30 = Vector512.FusedMultiplyAdd(v, x0, c30);
            c31 = Vector512.FusedMultiplyAdd(v, x1, c31);
            c32 = Vector512.FusedMultiplyAdd(v, x2, c32);
            c33 = Vector512.FusedMultiplyAdd(v, x3, c33);
        }
        // z[s + i, j..j+3] are adjacent: one reduction of the four row accumulators of sample i, one store.
        var b = Vector128.Load(bias);
        (Reduce4(c00, c10, c20, c30) + b).Store(z);
        (Reduce4(c01, c11, c21, c31) + b).Store(z + zStride);
        (Reduce4(c02, c12, c22, c32) + b).Store(z + (2 * zStride));
        (Reduce4(c03, c13, c23, c33) + b).Store(z + (3 * zStride));
    }

    /// <summary>
    /// Four rows <c>p + r·pStride</c> dotted with one row <paramref name="q"/>; result r goes to
    /// <c>z[r · zStep] = sum + bias[r · biasStep]</c> (biasStep 0 when all four share one bias).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Dot4x1(float* p, int pStride, float* q, int kLength, float* z, int zStep, float* bias, int biasStep)
    {
        Vector512<float> c0 = default, c1 = default, c2 = default, c3 = default;
        float* p1 = p + pStride, p2 = p + (2 * pStride), p3 = p + (3 * pStride);
        for (var k = 0; k < kLength; k += Lanes)
        {
            var x = Vector512.Load(q + k);
            c0 = Vector512.FusedMultiplyAdd(Vector512.Load(p + k), x, c0);
            c1 = Vector512.FusedMultiplyAdd(Vector512.Load(p1 + k), x, c1);
            c2 = Vector512.FusedMultiplyAdd(Vector512.Load(p2 + k), x, c2);
            c3 = Vector512.FusedMultiplyAdd(Vector512.Load(p3 + k), x, c3);
        }
        var sums = Reduce4(c0, c1, c2, c3);
        z[0] = sums.GetElement(0) + bias[0];
        z[zStep] = sums.GetElement(1) + bias[biasStep];
        z[2 * zStep] = sums.GetElement(2) + bias[2 * biasStep];
        z[3 * zStep] = sums.GetElement(3) + bias[3 * biasStep];
    }

    /// <summary>
    /// The four horizontal sums of <paramref name="c0"/>..<paramref name="c3"/> in one vector. Cheaper than
    /// four <see cref="Vector512.Sum{T}(Vector512{T})"/> (the reductions share the final shuffles), which
    /// matters because a 4×4 tile over a short row (k = 784: 49 FMAs per accumulator) spends a noticeable part
    /// of its time reducing. Every lane goes through the same tree whatever its neighbours are, so a sum does
    /// not depend on which tile computed it (see <see cref="Reduce1"/>).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<float> Reduce4(Vector512<float> c0, Vector512<float> c1, Vector512<float> c2, Vector512<float> c3)
    {
        var f0 = Fold(c0);
        var f1 = Fold(c1);
        var f2 = Fold(c2);
        var f3 = Fold(c3);
        if (Sse3.IsSupported)
        {
            // hadd(f0, f1) = [f0₀+f0₁, f0₂+f0₃, f1₀+f1₁, f1₂+f1₃]; the second hadd finishes each sum.
            return Sse3.HorizontalAdd(Sse3.HorizontalAdd(f0, f1), Sse3.HorizontalAdd(f2, f3));
        }
        return Vector128.Create(Finish(f0), Finish(f1), Finish(f2), Finish(f3));
    }

    /// <summary>One horizontal sum through exactly the same tree as a lane of <see cref="Reduce4"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static float Reduce1(Vector512<float> c) => Finish(Fold(c));

    /// <summary>16 lanes → 4: lane i = (c[i] + c[i+8]) + (c[i+4] + c[i+12]).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<float> Fold(Vector512<float> c)
    {
        var half = c.GetLower() + c.GetUpper();
        return half.GetLower() + half.GetUpper();
    }

    /// <summary>4 lanes → 1 as the two hadds do it: (f₀ + f₁) + (f₂ + f₃).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static float Finish(Vector128<float> f) => (f.GetElement(0) + f.GetElement(1)) + (f.GetElement(2) + f.GetElement(3));

    /// <summary>
    /// Hidden delta: <c>d[s, k] = (Σ_j δ[s, j] · w[j, k]) · a[s, k] · (1 − a[s, k])</c> for columns
    /// <c>k ∈ [k0, k1)</c> (multiples of 16), all m samples and all <paramref name="rows"/> rows j of w.
    /// Padding columns come out 0 because a is 0 there.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void BackpropDelta(
        float* w, int wStride, int rows, float* delta, int deltaStride, float* a, int aStride, float* d, int dStride,
        int k0, int k1, int m)
    {
        var k = k0;
        for (; k + (4 * Lanes) <= k1; k += 4 * Lanes)
        {
            var s = 0;
            for (; s + 4 <= m; s += 4)
            {
                Vector512<float> c00 = default, c01 = default, c02 = default, c03 = default;
                Vector512<float> c10 = default, c11 = default, c12 = default, c13 = default;
                Vector512<float> c20 = default, c21 = default, c22 = default, c23 = default;
                Vector512<float> c30 = default, c31 = default, c32 = default, c33 = default;
                var e0 = delta + (s * deltaStride);
                float* e1 = e0 + deltaStride, e2 = e0 + (2 * deltaStride), e3 = e0 + (3 * deltaStride);
                for (var j = 0; j < rows; j++)
                {
                    var wr = w + (j * wStride) + k;
                    var w0 = Vector512.Load(wr);
                    var w1 = Vector512.Load(wr + Lanes);
                    var w2 = Vector512.Load(wr + (2 * Lanes));
                    var w3 = Vector512.Load(wr + (3 * Lanes));
                    var x = Vector512.Create(e0[j]);
                    c00 = Vector512.FusedMultiplyAdd(x, w0, c00);
                    c01 = Vector512.FusedMultiplyAdd(x, w1, c01);
                    c02 = Vector512.FusedMultiplyAdd(x, w2, c02);
                    c03 = Vector512.FusedMultiplyAdd(x, w3, c03);
                    x = Vector512.Create(e1[j]);
                    c10 = Vector512.FusedMultiplyAdd(x, w0, c10);
                    c11 = Vector512.FusedMultiplyAdd(x, w1, c11);
                    c12 = Vector512.FusedMultiplyAdd(x, w2, c12);
                    c13 = Vector512.FusedMultiplyAdd(x, w3, c13);
                    x = Vector512.Create(e2[j]);
                    c20 = Vector512.FusedMultiplyAdd(x, w0, c20);
                    c21 = Vector512.FusedMultiplyAdd(x, w1, c21);
                    c22 = Vector512.FusedMultiplyAdd(x, w2, c22);
                    c23 = Vector512.FusedMultiplyAdd(x, w3, c23);
                    x = Vector512.Create(e3[j]);
                    c30 = Vector512.FusedMultiplyAdd(x, w0, c30);
                    c31 = Vector512.FusedMultiplyAdd(x, w1, c31);
                    c32 = Vector512.FusedMultiplyAdd(x, w2, c32);
                    c33 = Vector512.FusedMultiplyAdd(x, w3, c33);
                }
                StoreDelta4(c00, c01, c02, c03, a + (s * aStride) + k, d + (s * dStride) + k);
                StoreDelta4(c10, c11, c12, c13, a + ((s + 1) * aStride) + k, d + ((s + 1) * dStride) + k);
                StoreDelta4(c20, c21, c22, c23, a + ((s + 2) * aStride) + k, d + ((s + 2) * dStride) + k);
                StoreDelta4(c30, c31, c32, c33, a + ((s + 3) * aStride) + k, d + ((s + 3) * dStride) + k);
            }
            for (; s < m; s++)
            {
                Vector512<float> c0 = default, c1 = default, c2 = default, c3 = default;
                var e = delta + (s * deltaStride);
                for (var j = 0; j < rows; j++)
                {
                    var wr = w + (j * wStride) + k;
                    var x = Vector512.Create(e[j]);
                    c0 = Vector512.FusedMultiplyAdd(x, Vector512.Load(wr), c0);
                    c1 = Vector512.FusedMultiplyAdd(x, Vector512.Load(wr + Lanes), c1);
                    c2 = Vector512.FusedMultiplyAdd(x, Vector512.Load(wr + (2 * Lanes)), c2);
                    c3 = Vector512.FusedMultiplyAdd(x, Vector512.Load(wr + (3 * Lanes)), c3);
                }
                StoreDelta4(c0, c1, c2, c3, a + (s * aStride) + k, d + (s * dStride) + k);
            }
        }
        for (; k < k1; k += Lanes)
        {
            for (var s = 0; s < m; s++)
            {
                var acc = Vector512<float>.Zero;
                var e = delta + (s * deltaStride);
                for (var j = 0; j < rows; j++)
                {
                    acc = Vector512.FusedMultiplyAdd(Vector512.Create(e[j]), Vector512.Load(w + (j * wStride) + k), acc);
                }
                StoreDelta(acc, a + (s * aStride) + k, d + (s * dStride) + k);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void StoreDelta4(Vector512<float> c0, Vector512<float> c1, Vector512<float> c2, Vector512<float> c3, float* a, float* d)
    {
        StoreDelta(c0, a, d);
        StoreDelta(c1, a + Lanes, d + Lanes);
        StoreDelta(c2, a + (2 * Lanes), d + (2 * Lanes));
        StoreDelta(c3, a + (3 * Lanes), d + (3 * Lanes));
    }

    /// <summary>d = sum ⊙ σ′(z) with σ′(z) = a(1 − a): the activation is all we keep of z.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void StoreDelta(Vector512<float> sum, float* a, float* d)
    {
        var av = Vector512.Load(a);
        Vector512.Store(sum * (av * (Vector512<float>.One - av)), d);
    }

    /// <summary>
    /// Fused gradient + SGD update for rows <c>j ∈ [j0, j1)</c>:
    /// <c>w[j, k] += scale · Σ_s δ[s, j] · a[s, k]</c> and <c>bias[j] += scale · Σ_s δ[s, j]</c>, with
    /// <c>scale = −η/m</c>. The gradient never touches memory: it lives in the accumulators.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Update(
        float* w, int wStride, int kLength, float* bias, float* delta, int deltaStride, float* a, int aStride,
        int j0, int j1, int m, float scale)
    {
        var scaleV = Vector512.Create(scale);
        var j = j0;
        for (; j + 4 <= j1; j += 4)
        {
            var wr = w + (j * wStride);
            var k = 0;
            for (; k + (4 * Lanes) <= kLength; k += 4 * Lanes)
            {
                Vector512<float> c00 = default, c01 = default, c02 = default, c03 = default;
                Vector512<float> c10 = default, c11 = default, c12 = default, c13 = default;
                Vector512<float> c20 = default, c21 = default, c22 = default, c23 = default;
                Vector512<float> c30 = default, c31 = default, c32 = default, c33 = default;
                for (var s = 0; s < m; s++)
                {
                    var ar = a + (s * aStride) + k;
                    var e = delta + (s * deltaStride) + j;
                    var a0 = Vector512.Load(ar);
                    var a1 = Vector512.Load(ar + Lanes);
                    var a2 = Vector512.Load(ar + (2 * Lanes));
                    var a3 = Vector512.Load(ar + (3 * Lanes));
                    var x = Vector512.Create(e[0]);
                    c00 = Vector512.FusedMultiplyAdd(x, a0, c00);
                    c01 = Vector512.FusedMultiplyAdd(x, a1, c01);
                    c02 = Vector512.FusedMultiplyAdd(x, a2, c02);
                    c03 = Vector512.FusedMultiplyAdd(x, a3, c03);
                    x = Vector512.Create(e[1]);
                    c10 = Vector512.FusedMultiplyAdd(x, a0, c10);
                    c11 = Vector512.FusedMultiplyAdd(x, a1, c11);
                    c12 = Vector512.FusedMultiplyAdd(x, a2, c12);
                    c13 = Vector512.FusedMultiplyAdd(x, a3, c13);
                    x = Vector512.Create(e[2]);
                    c20 = Vector512.FusedMultiplyAdd(x, a0, c20);
                    c21 = Vector512.FusedMultiplyAdd(x, a1, c21);
                    c22 = Vector512.FusedMultiplyAdd(x, a2, c22);
                    c23 = Vector512.FusedMultiplyAdd(x, a3, c23);
                    x = Vector512.Create(e[3]);
                    c30 = Vector512.FusedMultiplyAdd(x, a0, c30);
                    c31 = Vector512.FusedMultiplyAdd(x, a1, c31);
                    c32 = Vector512.FusedMultiplyAdd(x, a2, c32);
                    c33 = Vector512.FusedMultiplyAdd(x, a3, c33);
                }
                AddScaled4(c00, c01, c02, c03, scaleV, wr + k);
                AddScaled4(c10, c11, c12, c13, scaleV, wr + wStride + k);
                AddScaled4(c20, c21, c22, c23, scaleV, wr + (2 * wStride) + k);
                AddScaled4(c30, c31, c32, c33, scaleV, wr + (3 * wStride) + k);
            }
            for (; k < kLength; k += Lanes)
            {
                Vector512<float> c0 = default, c1 = default, c2 = default, c3 = default;
                for (var s = 0; s < m; s++)
                {
                    var av = Vector512.Load(a + (s * aStride) + k);
                    var e = delta + (s * deltaStride) + j;
                    c0 = Vector512.FusedMultiplyAdd(Vector512.Create(e[0]), av, c0);
                    c1 = Vector512.FusedMultiplyAdd(Vector512.Create(e[1]), av, c1);
                    c2 = Vector512.FusedMultiplyAdd(Vector512.Create(e[2]), av, c2);
                    c3 = Vector512.FusedMultiplyAdd(Vector512.Create(e[3]), av, c3);
                }
                AddScaled(c0, scaleV, wr + k);
                AddScaled(c1, scaleV, wr + wStride + k);
                AddScaled(c2, scaleV, wr + (2 * wStride) + k);
                AddScaled(c3, scaleV, wr + (3 * wStride) + k);
            }
        }
        for (; j < j1; j++)
        {
            var wr = w + (j * wStride);
            var k = 0;
            for (; k + (4 * Lanes) <= kLength; k += 4 * Lanes)
            {
                Vector512<float> c0 = default, c1 = default, c2 = default, c3 = default;
                for (var s = 0; s < m; s++)
                {
                    var ar = a + (s * aStride) + k;
                    var x = Vector512.Create(delta[(s * deltaStride) + j]);
                    c0 = Vector512.FusedMultiplyAdd(x, Vector512.Load(ar), c0);
                    c1 = Vector512.FusedMultiplyAdd(x, Vector512.Load(ar + Lanes), c1);
                    c2 = Vector512.FusedMultiplyAdd(x, Vector512.Load(ar + (2 * Lanes)), c2);
                    c3 = Vector512.FusedMultiplyAdd(x, Vector512.Load(ar + (3 * Lanes)), c3);
                }
                AddScaled4(c0, c1, c2, c3, scaleV, wr + k);
            }
            for (; k < kLength; k += Lanes)
            {
                var acc = Vector512<float>.Zero;
                for (var s = 0; s < m; s++)
                {
                    acc = Vector512.FusedMultiplyAdd(
                        Vector512.Create(delta[(s * deltaStride) + j]), Vector512.Load(a + (s * aStride) + k), acc);
                }
                AddScaled(acc, scaleV, wr + k);
            }
        }
        for (j = j0; j < j1; j++)
        {
            var sum = 0f;
            for (var s = 0; s < m; s++)
            {
                sum += delta[(s * deltaStride) + j];
            }
            bias[j] = MathF.FusedMultiplyAdd(sum, scale, bias[j]);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void AddScaled4(Vector512<float> c0, Vector512<float> c1, Vector512<float> c2, Vector512<float> c3, Vector512<float> scale, float* w)
    {
        AddScaled(c0, scale, w);
        AddScaled(c1, scale, w + Lanes);
        AddScaled(c2, scale, w + (2 * Lanes));
        AddScaled(c3, scale, w + (3 * Lanes));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void AddScaled(Vector512<float> gradient, Vector512<float> scale, float* w) =>
        Vector512.Store(Vector512.FusedMultiplyAdd(gradient, scale, Vector512.Load(w)), w);
}
