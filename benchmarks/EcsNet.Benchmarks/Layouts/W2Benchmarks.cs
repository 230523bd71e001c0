using BenchmarkDotNet.Attributes;
using EcsNet.Baselines;

namespace EcsNet.Benchmarks.Layouts;

/// <summary>
/// W2: the 2-3-1 XOR network, one incremental step (m = 1) per invocation, cycling through the four patterns.
/// At this size the step is pure per-step overhead; the Mean column is ns per step.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(LayoutConfig))]
[SamplesPerStep(1)]
public partial class W2Benchmarks : LayoutBenchmarkBase
{
    /// <summary>Mini-batch size (incremental learning).</summary>
    public const int Batch = 1;

    private DenseNetwork _dense = null!;
    private ObjectGraphNetwork _objectGraph = null!;

    [GlobalSetup]
    public void GlobalSetup()
    {
        Initialize(NetworkSetup.Create([2, 3, 1], ParameterSeed), TrainingData.Xor());
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
