using BenchmarkDotNet.Attributes;
using EcsNet.Baselines;

namespace EcsNet.Benchmarks.Layouts;

/// <summary>
/// W3: the 1024-1024-1024-10 network (≈ 2.1 M synapses) at m = 32 on 1 and 2 threads; the target is
/// 2 threads ≥ 1.7× faster than 1 (compare the Mean of the two Threads rows; each row's Ratio is relative to
/// the dense layout at the same thread count).
/// </summary>
/// <remarks>
/// No object-graph layout here: it is single-threaded by nature, and at ≈ 2.1 M synapse objects one step
/// takes on the order of a second, which only adds minutes to the run without informing the thread scaling.
/// </remarks>
[MemoryDiagnoser]
[Config(typeof(LayoutConfig))]
[SamplesPerStep(Batch)]
public class W3Benchmarks : LayoutBenchmarkBase
{
    /// <summary>Mini-batch size.</summary>
    public const int Batch = 32;

    /// <summary>Threads per training step.</summary>
    [Params(1, 2)]
    public int Threads { get; set; }

    [GlobalSetup]
    public void GlobalSetup()
    {
        Initialize(NetworkSetup.Create([1024, 1024, 1024, 10], ParameterSeed), LoadData(2_048, 1024, 10));
        DenseLayout = new DenseNetwork(Setup, maxBatch: Batch, threads: Threads);
        Ecs = Setup.BuildNetwork(Threads);
    }

    [Benchmark(Baseline = true)]
    public void Dense() => StepDense(Batch);

    [Benchmark]
    public void EcsNet() => StepEcsNet(Batch);
}
