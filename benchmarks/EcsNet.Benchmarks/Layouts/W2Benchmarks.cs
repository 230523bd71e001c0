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
public class W2Benchmarks : LayoutBenchmarkBase
{
    /// <summary>Mini-batch size (incremental learning).</summary>
    public const int Batch = 1;

    [GlobalSetup]
    public void GlobalSetup()
    {
        Initialize(NetworkSetup.Create([2, 3, 1], ParameterSeed), TrainingData.Xor());
        DenseLayout = new DenseNetwork(Setup, maxBatch: Batch);
        ObjectGraphLayout = new ObjectGraphNetwork(Setup);
        Ecs = Setup.BuildNetwork();
    }

    [Benchmark(Baseline = true)]
    public void Dense() => StepDense(Batch);

    [Benchmark]
    public void ObjectGraph() => StepObjectGraph(Batch);

    [Benchmark]
    public void EcsNet() => StepEcsNet(Batch);
}
