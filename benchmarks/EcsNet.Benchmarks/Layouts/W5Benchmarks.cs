using BenchmarkDotNet.Attributes;
using EcsNet.Baselines;

namespace EcsNet.Benchmarks.Layouts;

/// <summary>
/// W5: scaling. A network n-n-10 (<see cref="NetworkSetup.SingleHiddenLayerWithSynapses"/>) with about
/// <see cref="Synapses"/> synapses, one m = 32 step. The ns/synapse/sample column is
/// Median / (actual synapses × 32); it should stay flat as the network grows (linear cost).
/// At 10^7 synapses the weights take 40 MB (dense layout), far beyond the caches: that row shows the
/// memory-bandwidth floor.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ScalingConfig))]
[SamplesPerStep(Batch)]
public class W5Benchmarks : LayoutBenchmarkBase
{
    /// <summary>Mini-batch size.</summary>
    public const int Batch = 32;

    /// <summary>Nominal synapse count; the column uses the exact count of the chosen shape.</summary>
    [Params(1_000, 10_000, 100_000, 1_000_000, 10_000_000)]
    public int Synapses { get; set; }

    [GlobalSetup]
    public void GlobalSetup()
    {
        var sizes = NetworkSetup.SingleHiddenLayerWithSynapses(Synapses);
        Initialize(NetworkSetup.Create(sizes, ParameterSeed), LoadData(1_024, sizes[0], sizes[^1]));
        DenseLayout = new DenseNetwork(Setup, maxBatch: Batch);
        Ecs = Setup.BuildNetwork();
    }

    [Benchmark(Baseline = true)]
    public void Dense() => StepDense(Batch);

    [Benchmark]
    public void EcsNet() => StepEcsNet(Batch);
}
