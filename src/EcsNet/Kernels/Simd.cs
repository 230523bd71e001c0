using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace EcsNet.Kernels;

/// <summary>The one vector operation the kernels are built from: c + a·b, fused where the CPU can.</summary>
internal static class Simd
{
    /// <summary>Floats per 256-bit vector.</summary>
    public const int Width = 8;

    /// <summary>Floats per 512-bit vector.</summary>
    public const int Width512 = 16;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> MulAdd(Vector256<float> a, Vector256<float> b, Vector256<float> c)
        => Fma.IsSupported ? Fma.MultiplyAdd(a, b, c) : (a * b) + c;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> MulAdd(Vector512<float> a, Vector512<float> b, Vector512<float> c)
        => Vector512.FusedMultiplyAdd(a, b, c);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float MulAdd(float a, float b, float c) => MathF.FusedMultiplyAdd(a, b, c);
}
