using BenchmarkDotNet.Attributes;
using EcsNet.Baselines;

namespace EcsNet.Benchmarks.Layouts;

/// <summary>
/// W5 for the object graph, in its own class because it cannot reach the large sizes: at 10^7 synapses the
/// graph needs ≈ 0.6 GB of objects (object header + 2 references + 2 floats per synapse, plus two list slots)
/// and seconds per step, so the sizes stop at 10^6. Same shapes, data and columns as <see cref="W5Benchmarks"/>.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ScalingConfig))]
[SamplesPerStep(Batch)]
public class W5ObjectGraphBenchmarks : LayoutBenchmarkBase
{
    /// <summary>Mini-batch size.</summary>
    public const int Batch = 32;

    /// <summary>Nominal synapse count; the column uses the exact count of the chosen shape.</summary>
    [Params(1_000, 10_000, 100_000, 1_000_000)]
    public int Synapses { get; set; }

    [GlobalSetup]
    public void GlobalSetup()
    {
        var sizes = NetworkSetup.SingleHiddenLayerWithSynapses(Synapses);
        Initialize(NetworkSetup.Create(sizes, ParameterSeed), LoadData(1_024, sizes[0], sizes[^1]));
        ObjectGraphLayout = new ObjectGraphNetwork(Setup);
    }

    [Benchmark]
    public void ObjectGraph() => StepObjectGraph(Batch);
}
