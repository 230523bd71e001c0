using BenchmarkDotNet.Attributes;
using EcsNet.Baselines;

namespace EcsNet.Benchmarks.Layouts;

/// <summary>
/// W1: the 784-100-10 sigmoid network, one mini-batch SGD step at m = 32 and at m = 1, single thread.
/// Runs <see cref="LayoutCheck.Verify"/> first: numbers of a wrong implementation are worthless.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(LayoutConfig))]
public partial class W1Benchmarks : LayoutBenchmarkBase
{
    private DenseNetwork _dense = null!;
    private ObjectGraphNetwork _objectGraph = null!;

    /// <summary>Mini-batch size m.</summary>
    [Params(1, 32)]
    public int Batch { get; set; }

    [GlobalSetup]
    public void GlobalSetup()
    {
        Console.WriteLine(LayoutCheck.Verify());
        Initialize(NetworkSetup.Create([784, 100, 10], ParameterSeed), LoadData(10_000, 784, 10));
        _dense = new DenseNetwork(Setup, maxBatch: Batch);
        _objectGraph = new ObjectGraphNetwork(Setup);
        SetupEcsNet();
    }

    [GlobalCleanup]
    public void GlobalCleanup()
    {
        CleanupEcsNet();
        _dense.Dispose();
    }

    [Benchmark(Baseline = true)]
    public void Dense()
    {
        var first = NextBatch(Batch);
        _dense.TrainStep(Data.BatchInputs(first, Batch), Data.BatchTargets(first, Batch), Batch, Eta);
    }

    [Benchmark]
    public void ObjectGraph()
    {
        var first = NextBatch(Batch);
        _objectGraph.TrainStep(Data.BatchInputs(first, Batch), Data.BatchTargets(first, Batch), Batch, Eta);
    }

    // EcsNet layout: implement these and add [Benchmark] public void EcsNet() in Layouts/EcsNetLayout.cs.
    partial void SetupEcsNet();
}
