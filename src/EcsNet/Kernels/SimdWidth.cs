using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace EcsNet.Kernels;

/// <summary>
/// One vector width, as the operations the tile kernels are written in, so that one generic kernel serves 512 and
/// 256 bits. .NET's own <c>ISimdVector&lt;TSelf, T&gt;</c> would do this, but it is internal to the runtime (not in the
/// .NET 10 reference assemblies); a static abstract interface over empty structs gives the JIT the same thing to
/// specialise: one native body per width, with every call below inlined.
/// </summary>
/// <typeparam name="TVector">The vector of floats of this width.</typeparam>
internal interface ISimdWidth<TVector>
    where TVector : struct
{
    /// <summary>Floats per vector.</summary>
    static abstract int Count { get; }

    /// <summary>Whether the CPU runs vectors of this width natively (otherwise the JIT emulates them, slowly).</summary>
    static abstract bool IsAccelerated { get; }

    /// <summary>All zeros.</summary>
    static abstract TVector Zero { get; }

    /// <summary>Every lane set to <paramref name="value"/>.</summary>
    static abstract TVector Broadcast(float value);

    /// <summary>The vector at <c>source[offset …]</c>.</summary>
    static abstract TVector Load(ref float source, nuint offset);

    /// <summary>Writes <paramref name="value"/> to <c>destination[offset …]</c>.</summary>
    static abstract void Store(TVector value, ref float destination, nuint offset);

    /// <summary>a + b.</summary>
    static abstract TVector Add(TVector a, TVector b);

    /// <summary>c + a·b, as <see cref="Simd.MulAdd(Vector256{float}, Vector256{float}, Vector256{float})"/> computes it.</summary>
    static abstract TVector MulAdd(TVector a, TVector b, TVector c);
}

/// <summary>512-bit vectors: sixteen floats.</summary>
internal readonly struct Simd512 : ISimdWidth<Vector512<float>>
{
    public static int Count => Simd.Width512;

    public static bool IsAccelerated => Vector512.IsHardwareAccelerated;

    public static Vector512<float> Zero => Vector512<float>.Zero;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Broadcast(float value) => Vector512.Create(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Load(ref float source, nuint offset) => Vector512.LoadUnsafe(ref source, offset);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Vector512<float> value, ref float destination, nuint offset) => value.StoreUnsafe(ref destination, offset);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Add(Vector512<float> a, Vector512<float> b) => a + b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> MulAdd(Vector512<float> a, Vector512<float> b, Vector512<float> c) => Simd.MulAdd(a, b, c);
}

/// <summary>256-bit vectors: eight floats.</summary>
internal readonly struct Simd256 : ISimdWidth<Vector256<float>>
{
    public static int Count => Simd.Width;

    public static bool IsAccelerated => Vector256.IsHardwareAccelerated;

    public static Vector256<float> Zero => Vector256<float>.Zero;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Broadcast(float value) => Vector256.Create(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Load(ref float source, nuint offset) => Vector256.LoadUnsafe(ref source, offset);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Vector256<float> value, ref float destination, nuint offset) => value.StoreUnsafe(ref destination, offset);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Add(Vector256<float> a, Vector256<float> b) => a + b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> MulAdd(Vector256<float> a, Vector256<float> b, Vector256<float> c) => Simd.MulAdd(a, b, c);
}
