using BenchmarkDotNet.Attributes;
using EcsNet.Baselines;

namespace EcsNet.Benchmarks.Layouts;

/// <summary>
/// W4: the 784-100-10 network with 90% of the synapses pruned at random (exactly 10% kept per layer), m = 32.
/// <see cref="LayoutBenchmarkBase.Setup"/> is the pruned setup (use its <see cref="NetworkSetup.Mask"/>); the
/// baseline is the full dense W1 step (same seed, so the surviving weights are identical), so the Ratio column
/// reads directly as "speed-up from pruning" (target: ≤ 0.2, i.e. ≥ 5×).
/// </summary>
[MemoryDiagnoser]
[Config(typeof(LayoutConfig))]
[SamplesPerStep(Batch)]
public class W4Benchmarks : LayoutBenchmarkBase
{
    /// <summary>Mini-batch size.</summary>
    public const int Batch = 32;

    /// <summary>Fraction of synapses kept.</summary>
    public const double KeepFraction = 0.1;

    [GlobalSetup]
    public void GlobalSetup()
    {
        int[] sizes = [784, 100, 10];
        Initialize(NetworkSetup.Create(sizes, ParameterSeed, KeepFraction), LoadData(10_000, 784, 10));
        DenseLayout = new DenseNetwork(NetworkSetup.Create(sizes, ParameterSeed), maxBatch: Batch);
        ObjectGraphLayout = new ObjectGraphNetwork(Setup);
        Ecs = Setup.BuildNetwork();
    }

    /// <summary>The unpruned W1 network on the dense layout: the cost pruning has to undercut.</summary>
    [Benchmark(Baseline = true)]
    public void DenseUnpruned() => StepDense(Batch);

    /// <summary>The object graph holding only the surviving 10% of synapses.</summary>
    [Benchmark]
    public void ObjectGraphPruned() => StepObjectGraph(Batch);

    [Benchmark]
    public void EcsNet() => StepEcsNet(Batch);
}
