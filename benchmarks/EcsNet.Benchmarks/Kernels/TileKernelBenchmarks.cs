using System.Runtime.Intrinsics;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using EcsNet.Kernels;

namespace EcsNet.Benchmarks.Kernels;

/// <summary>
/// The four-target tile kernels alone, generic body against the hand-kept twins it replaced, at both widths: one
/// tile of <see cref="Sources"/> sources × <see cref="Samples"/> samples per invocation, every strip of it. Each
/// category is one kernel at one width, its twin the baseline.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[MinColumn]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class TileKernelBenchmarks
{
    /// <summary>Sources per tile (n): a 784-input layer's tiles are a few hundred long.</summary>
    public const int Sources = 256;

    /// <summary>Samples (m): two 512-bit strips, four 256-bit ones.</summary>
    public const int Samples = 64;

    private readonly float[] _weights = Filled(4 * Sources, 1);
    private readonly float[] _activations = Filled(Sources * Samples, 2);
    private readonly float[] _sampleMajor = Filled(Samples * Sources, 3);
    private readonly float[] _deltas = Filled(4 * Samples, 4);
    private readonly float[] _sums = new float[4 * Samples];
    private readonly float[] _gradients = new float[4 * Sources];
    private Int4 _targets;

    [GlobalSetup]
    public void GlobalSetup()
    {
        for (var t = 0; t < 4; t++)
        {
            _targets[t] = t;
        }
    }

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("Forward512")]
    public void ForwardTwin512()
    {
        for (var b = 0; b < Samples; b += 2 * Simd.Width512)
        {
            TwinTileKernels.Forward4x32(ref W(0), ref W(1), ref W(2), ref W(3), _targets, 0, Sources, _activations, _sums, Samples, b);
        }
    }

    [Benchmark]
    [BenchmarkCategory("Forward512")]
    public void ForwardGeneric512()
    {
        for (var b = 0; b < Samples; b += 2 * Simd.Width512)
        {
            TileKernels.Forward4<Simd512, Vector512<float>>(ref W(0), ref W(1), ref W(2), ref W(3), _targets, 0, Sources, _activations, _sums, Samples, b);
        }
    }

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("Forward256")]
    public void ForwardTwin256()
    {
        for (var b = 0; b < Samples; b += 2 * Simd.Width)
        {
            TwinTileKernels.Forward4x16(ref W(0), ref W(1), ref W(2), ref W(3), _targets, 0, Sources, _activations, _sums, Samples, b);
        }
    }

    [Benchmark]
    [BenchmarkCategory("Forward256")]
    public void ForwardGeneric256()
    {
        for (var b = 0; b < Samples; b += 2 * Simd.Width)
        {
            TileKernels.Forward4<Simd256, Vector256<float>>(ref W(0), ref W(1), ref W(2), ref W(3), _targets, 0, Sources, _activations, _sums, Samples, b);
        }
    }

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("Backward512")]
    public void BackwardTwin512()
    {
        for (var b = 0; b < Samples; b += 2 * Simd.Width512)
        {
            TwinTileKernels.Backward4x32(ref W(0), ref W(1), ref W(2), ref W(3), _targets, 0, Sources, _deltas, _activations, Samples, b);
        }
    }

    [Benchmark]
    [BenchmarkCategory("Backward512")]
    public void BackwardGeneric512()
    {
        for (var b = 0; b < Samples; b += 2 * Simd.Width512)
        {
            TileKernels.Backward4<Simd512, Vector512<float>>(ref W(0), ref W(1), ref W(2), ref W(3), _targets, 0, Sources, _deltas, _activations, Samples, b);
        }
    }

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("Backward256")]
    public void BackwardTwin256()
    {
        for (var b = 0; b < Samples; b += 2 * Simd.Width)
        {
            TwinTileKernels.Backward4x16(ref W(0), ref W(1), ref W(2), ref W(3), _targets, 0, Sources, _deltas, _activations, Samples, b);
        }
    }

    [Benchmark]
    [BenchmarkCategory("Backward256")]
    public void BackwardGeneric256()
    {
        for (var b = 0; b < Samples; b += 2 * Simd.Width)
        {
            TileKernels.Backward4<Simd256, Vector256<float>>(ref W(0), ref W(1), ref W(2), ref W(3), _targets, 0, Sources, _deltas, _activations, Samples, b);
        }
    }

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("Gradient512")]
    public void GradientTwin512()
    {
        for (var i = 0; i < Sources; i += 2 * Simd.Width512)
        {
            TwinTileKernels.Gradient4x32(ref G(0, i), ref G(1, i), ref G(2, i), ref G(3, i), ref D(0), ref D(1), ref D(2), ref D(3), ref _sampleMajor[i], Sources, Samples);
        }
    }

    [Benchmark]
    [BenchmarkCategory("Gradient512")]
    public void GradientGeneric512()
    {
        for (var i = 0; i < Sources; i += 2 * Simd.Width512)
        {
            TileKernels.Gradient4<Simd512, Vector512<float>>(ref G(0, i), ref G(1, i), ref G(2, i), ref G(3, i), ref D(0), ref D(1), ref D(2), ref D(3), ref _sampleMajor[i], Sources, Samples);
        }
    }

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("Gradient256")]
    public void GradientTwin256()
    {
        for (var i = 0; i < Sources; i += 2 * Simd.Width)
        {
            TwinTileKernels.Gradient4x16(ref G(0, i), ref G(1, i), ref G(2, i), ref G(3, i), ref D(0), ref D(1), ref D(2), ref D(3), ref _sampleMajor[i], Sources, Samples);
        }
    }

    [Benchmark]
    [BenchmarkCategory("Gradient256")]
    public void GradientGeneric256()
    {
        for (var i = 0; i < Sources; i += 2 * Simd.Width)
        {
            TileKernels.Gradient4<Simd256, Vector256<float>>(ref G(0, i), ref G(1, i), ref G(2, i), ref G(3, i), ref D(0), ref D(1), ref D(2), ref D(3), ref _sampleMajor[i], Sources, Samples);
        }
    }

    private ref float W(int t) => ref _weights[t * Sources];

    private ref float G(int t, int i) => ref _gradients[t * Sources + i];

    private ref float D(int t) => ref _deltas[t * Samples];

    // Small values: the sums grow over millions of invocations but stay far from overflow and never go subnormal.
    private static float[] Filled(int length, int seed)
    {
        var random = new Random(seed);
        var values = new float[length];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = (float)(random.NextDouble() * 1e-3);
        }

        return values;
    }
}
