using BenchmarkDotNet.Attributes;
using EcsNet.Baselines;

namespace EcsNet.Benchmarks.Layouts;

/// <summary>
/// What noticing structural edits costs a step: the W1 step (784-100-10, m = 32, one thread) against the checks it makes
/// when nothing changed (each of the three synapse passes asks for the plan once).
/// </summary>
[MemoryDiagnoser]
[Config(typeof(LayoutConfig))]
public class ChangeDetectionBenchmarks : LayoutBenchmarkBase
{
    private const int Batch = 32;

    [GlobalSetup]
    public void GlobalSetup()
    {
        Initialize(NetworkSetup.Create([784, 100, 10], ParameterSeed), LoadData(10_000, 784, 10));
        Ecs = Setup.BuildNetwork();
        StepEcsNet(Batch);
    }

    [Benchmark(Baseline = true)]
    public void W1Step() => StepEcsNet(Batch);

    [Benchmark]
    public void ChecksOfOneStep()
    {
        var network = Ecs!;
        network.EnsurePlan();
        network.EnsurePlan();
        network.EnsurePlan();
    }
}
