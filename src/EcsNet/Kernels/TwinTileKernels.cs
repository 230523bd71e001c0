using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace EcsNet.Kernels;

/// <summary>
/// The tile kernels as they were before one generic body served both widths: a hand-kept 512-bit and 256-bit copy
/// of each. Kept here only so that the kernel benchmarks can time old and generic in one run.
/// </summary>
internal static class TwinTileKernels
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Forward4x32(ref float w0, ref float w1, ref float w2, ref float w3, in Int4 targets, int s0, int n, float[] a, float[] z, int m, int b)
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

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Forward4x16(ref float w0, ref float w1, ref float w2, ref float w3, in Int4 targets, int s0, int n, float[] a, float[] z, int m, int b)
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

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Backward4x32(ref float w0, ref float w1, ref float w2, ref float w3, in Int4 targets, int s0, int n, float[] d, float[] g, int m, int b)
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

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Backward4x16(ref float w0, ref float w1, ref float w2, ref float w3, in Int4 targets, int s0, int n, float[] d, float[] g, int m, int b)
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

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Gradient4x32(ref float g0, ref float g1, ref float g2, ref float g3, ref float d0, ref float d1, ref float d2, ref float d3, ref float x, int stride, int m)
    {
        var c00 = Vector512.LoadUnsafe(ref g0, 0); var c01 = Vector512.LoadUnsafe(ref g0, Simd.Width512);
        var c10 = Vector512.LoadUnsafe(ref g1, 0); var c11 = Vector512.LoadUnsafe(ref g1, Simd.Width512);
        var c20 = Vector512.LoadUnsafe(ref g2, 0); var c21 = Vector512.LoadUnsafe(ref g2, Simd.Width512);
        var c30 = Vector512.LoadUnsafe(ref g3, 0); var c31 = Vector512.LoadUnsafe(ref g3, Simd.Width512);
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

        c00.StoreUnsafe(ref g0, 0); c01.StoreUnsafe(ref g0, Simd.Width512);
        c10.StoreUnsafe(ref g1, 0); c11.StoreUnsafe(ref g1, Simd.Width512);
        c20.StoreUnsafe(ref g2, 0); c21.StoreUnsafe(ref g2, Simd.Width512);
        c30.StoreUnsafe(ref g3, 0); c31.StoreUnsafe(ref g3, Simd.Width512);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Gradient4x16(ref float g0, ref float g1, ref float g2, ref float g3, ref float d0, ref float d1, ref float d2, ref float d3, ref float x, int stride, int m)
    {
        var c00 = Vector256.LoadUnsafe(ref g0, 0); var c01 = Vector256.LoadUnsafe(ref g0, Simd.Width);
        var c10 = Vector256.LoadUnsafe(ref g1, 0); var c11 = Vector256.LoadUnsafe(ref g1, Simd.Width);
        var c20 = Vector256.LoadUnsafe(ref g2, 0); var c21 = Vector256.LoadUnsafe(ref g2, Simd.Width);
        var c30 = Vector256.LoadUnsafe(ref g3, 0); var c31 = Vector256.LoadUnsafe(ref g3, Simd.Width);
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

        c00.StoreUnsafe(ref g0, 0); c01.StoreUnsafe(ref g0, Simd.Width);
        c10.StoreUnsafe(ref g1, 0); c11.StoreUnsafe(ref g1, Simd.Width);
        c20.StoreUnsafe(ref g2, 0); c21.StoreUnsafe(ref g2, Simd.Width);
        c30.StoreUnsafe(ref g3, 0); c31.StoreUnsafe(ref g3, Simd.Width);
    }

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
