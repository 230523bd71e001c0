using BenchmarkDotNet.Attributes;
using EcsNet.Baselines;
using EcsNet.Benchmarks.Layouts;
using EcsNet.Kernels;

namespace EcsNet.Benchmarks.Kernels;

/// <summary>
/// Whole EcsNet training steps on W1's network (784-100-10, m = 32 and m = 48, the latter giving every tile a
/// 256-bit strip too) and W3's (1024-1024-1024-10, m = 32, one thread), with the old twin kernels (baseline) and
/// with the generic ones, in one run.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[MinColumn]
public class TileKernelVariantBenchmarks : LayoutBenchmarkBase
{
    [Params("W1", "W3")]
    public string Workload { get; set; } = "W1";

    [Params(32, 48)]
    public int Batch { get; set; }

    [GlobalSetup]
    public void GlobalSetup()
    {
        int[] sizes = Workload == "W1" ? [784, 100, 10] : [1024, 1024, 1024, 10];
        Initialize(NetworkSetup.Create(sizes, ParameterSeed), LoadData(2_048, sizes[0], sizes[^1]));
        Ecs = Setup.BuildNetwork();
    }

    [Benchmark(Baseline = true)]
    public void Twins()
    {
        TileKernels.UseTwins = true;
        StepEcsNet(Batch);
    }

    [Benchmark]
    public void Generic()
    {
        TileKernels.UseTwins = false;
        StepEcsNet(Batch);
    }
}
