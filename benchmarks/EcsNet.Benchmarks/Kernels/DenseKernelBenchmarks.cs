using System.Runtime.InteropServices;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using EcsNet.Baselines;

namespace EcsNet.Benchmarks.Kernels;

/// <summary>
/// The dense baseline's three kernels at W1's shape (784-100-10, m = 32), merged helper against the code before the
/// merge; each category is one kernel, the old code its baseline. The setup first checks that both give
/// bit-identical results: a faster kernel that computes something else is worth nothing.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[MinColumn]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public unsafe class DenseKernelBenchmarks
{
    private const int Inputs = 784;
    private const int Hidden = 100;
    private const int HiddenStride = 112;
    private const int Outputs = 10;
    private const int OutputStride = 16;
    private const int Batch = 32;
    private const float Scale = -1e-6f;

    private float* _w1;
    private float* _w2;
    private float* _bias1;
    private float* _input;
    private float* _hidden;
    private float* _outputDelta;
    private float* _hiddenDelta;
    private float* _z;

    [GlobalSetup]
    public void GlobalSetup()
    {
        _w1 = Filled(Hidden * Inputs, 1);
        _w2 = Filled(Outputs * HiddenStride, 2);
        _bias1 = Filled(HiddenStride, 3);
        _input = Filled(Batch * Inputs, 4);
        _hidden = Filled(Batch * HiddenStride, 5);
        _outputDelta = Filled(Batch * OutputStride, 6);
        _hiddenDelta = Filled(Batch * HiddenStride, 7);
        _z = Filled(Batch * HiddenStride, 8);
        Console.WriteLine(VerifyBitIdentical());
    }

    [GlobalCleanup]
    public void GlobalCleanup()
    {
        foreach (var p in new[] { _w1, _w2, _bias1, _input, _hidden, _outputDelta, _hiddenDelta, _z })
        {
            NativeMemory.AlignedFree(p);
        }
    }

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("Forward")]
    public void ForwardBefore() => DenseKernelsBefore.Forward(_w1, Inputs, _input, Inputs, Inputs, _bias1, _z, HiddenStride, 0, Hidden, Batch);

    [Benchmark]
    [BenchmarkCategory("Forward")]
    public void ForwardMerged() => DenseKernels.Forward(_w1, Inputs, _input, Inputs, Inputs, _bias1, _z, HiddenStride, 0, Hidden, Batch);

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("BackpropDelta")]
    public void BackpropDeltaBefore() => DenseKernelsBefore.BackpropDelta(_w2, HiddenStride, Outputs, _outputDelta, OutputStride, _hidden, HiddenStride, _hiddenDelta, HiddenStride, 0, HiddenStride, Batch);

    [Benchmark]
    [BenchmarkCategory("BackpropDelta")]
    public void BackpropDeltaMerged() => DenseKernels.BackpropDelta(_w2, HiddenStride, Outputs, _outputDelta, OutputStride, _hidden, HiddenStride, _hiddenDelta, HiddenStride, 0, HiddenStride, Batch);

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("Update")]
    public void UpdateBefore() => DenseKernelsBefore.Update(_w1, Inputs, Inputs, _bias1, _hiddenDelta, HiddenStride, _input, Inputs, 0, Hidden, Batch, Scale);

    [Benchmark]
    [BenchmarkCategory("Update")]
    public void UpdateMerged() => DenseKernels.Update(_w1, Inputs, Inputs, _bias1, _hiddenDelta, HiddenStride, _input, Inputs, 0, Hidden, Batch, Scale);

    /// <summary>Each kernel once per version, odd row and sample counts included so the remainder tiles run too.</summary>
    private string VerifyBitIdentical()
    {
        var before = Filled(Batch * HiddenStride, 9);
        var merged = Filled(Batch * HiddenStride, 9);
        DenseKernelsBefore.Forward(_w1, Inputs, _input, Inputs, Inputs, _bias1, before, HiddenStride, 0, Hidden - 1, Batch - 1);
        DenseKernels.Forward(_w1, Inputs, _input, Inputs, Inputs, _bias1, merged, HiddenStride, 0, Hidden - 1, Batch - 1);
        Require(before, merged, Batch * HiddenStride, "Forward");
        DenseKernelsBefore.BackpropDelta(_w2, HiddenStride, Outputs, _outputDelta, OutputStride, _hidden, HiddenStride, before, HiddenStride, 0, HiddenStride - 16, Batch - 1);
        DenseKernels.BackpropDelta(_w2, HiddenStride, Outputs, _outputDelta, OutputStride, _hidden, HiddenStride, merged, HiddenStride, 0, HiddenStride - 16, Batch - 1);
        Require(before, merged, Batch * HiddenStride, "BackpropDelta");
        var wBefore = Filled(Hidden * Inputs, 10);
        var wMerged = Filled(Hidden * Inputs, 10);
        DenseKernelsBefore.Update(wBefore, Inputs, Inputs, _bias1, _hiddenDelta, HiddenStride, _input, Inputs, 0, Hidden - 1, Batch - 1, -0.1f);
        DenseKernels.Update(wMerged, Inputs, Inputs, _bias1, _hiddenDelta, HiddenStride, _input, Inputs, 0, Hidden - 1, Batch - 1, -0.1f);
        Require(wBefore, wMerged, Hidden * Inputs, "Update");
        foreach (var p in new[] { before, merged, wBefore, wMerged })
        {
            NativeMemory.AlignedFree(p);
        }

        return "Dense kernels: merged and before are bit-identical.";
    }

    private static void Require(float* a, float* b, int length, string kernel)
    {
        for (var i = 0; i < length; i++)
        {
            if (BitConverter.SingleToInt32Bits(a[i]) != BitConverter.SingleToInt32Bits(b[i]))
            {
                throw new InvalidOperationException($"{kernel}: merged differs from before at {i}: {b[i]} vs {a[i]}");
            }
        }
    }

    private static float* Filled(int length, int seed)
    {
        var p = (float*)NativeMemory.AlignedAlloc((nuint)(length * sizeof(float)), 64);
        var random = new Random(seed);
        for (var i = 0; i < length; i++)
        {
            p[i] = (float)(random.NextDouble() * 1e-2);
        }

        return p;
    }
}
