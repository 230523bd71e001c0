using BenchmarkDotNet.Attributes;
using EcsNet.Baselines;

namespace EcsNet.Benchmarks.Layouts;

/// <summary>
/// W1: the 784-100-10 sigmoid network, one mini-batch SGD step at m = 32 and at m = 1, single thread.
/// Runs <see cref="LayoutCheck.Verify"/> first: numbers of a wrong implementation are worthless.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(LayoutConfig))]
public class W1Benchmarks : LayoutBenchmarkBase
{
    /// <summary>Mini-batch size m.</summary>
    [Params(1, 32)]
    public int Batch { get; set; }

    [GlobalSetup]
    public void GlobalSetup()
    {
        Console.WriteLine(LayoutCheck.Verify());
        Initialize(NetworkSetup.Create([784, 100, 10], ParameterSeed), LoadData(10_000, 784, 10));
        DenseLayout = new DenseNetwork(Setup, maxBatch: Batch);
        ObjectGraphLayout = new ObjectGraphNetwork(Setup);
        Console.WriteLine(EcsNetLayout.Verify(Setup, Data, Batch));
        Ecs = Setup.BuildNetwork();
    }

    [Benchmark(Baseline = true)]
    public void Dense() => StepDense(Batch);

    [Benchmark]
    public void ObjectGraph() => StepObjectGraph(Batch);

    [Benchmark]
    public void EcsNet() => StepEcsNet(Batch);
}
