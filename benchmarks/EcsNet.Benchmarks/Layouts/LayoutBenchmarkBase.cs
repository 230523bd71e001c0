using BenchmarkDotNet.Attributes;
using EcsNet.Baselines;

namespace EcsNet.Benchmarks.Layouts;

/// <summary>
/// Shared state and steps of the layout workloads W1–W5: the network setup every layout is built from, the data, the
/// mini-batch cursor, the three layouts (each workload builds those it times in its <c>[GlobalSetup]</c>), one step
/// per layout, and the cleanup.
/// </summary>
/// <remarks>
/// Every benchmark invocation is exactly one training step on the next mini-batch (cycling through
/// <see cref="Data"/>). The weights drift across invocations, which is fine for timing; the small
/// <see cref="Eta"/> keeps them from blowing up over millions of steps.
/// </remarks>
public abstract class LayoutBenchmarkBase
{
    /// <summary>Learning rate of every benchmarked step: small, so weights stay finite over many invocations.</summary>
    public const float Eta = 0.01f;

    /// <summary>Seed of the initial parameters (and, derived, of the pruning mask).</summary>
    public const int ParameterSeed = 1;

    /// <summary>Seed of the synthetic data.</summary>
    public const int DataSeed = 2;

    private int _nextSample;

    /// <summary>The shape and initial parameters every layout of this workload is built from.</summary>
    protected NetworkSetup Setup { get; private set; } = null!;

    /// <summary>The samples the steps cycle through.</summary>
    protected TrainingData Data { get; private set; } = null!;

    /// <summary>The EcsNet layout: the library itself, built with <see cref="NetworkSetup.BuildNetwork"/>.</summary>
    protected global::EcsNet.Network? Ecs { get; set; }

    /// <summary>The dense reference layout, the yardstick of every workload.</summary>
    protected DenseNetwork? DenseLayout { get; set; }

    /// <summary>The object-graph layout (not built where its size would only add minutes).</summary>
    protected ObjectGraphNetwork? ObjectGraphLayout { get; set; }

    /// <summary>One EcsNet training step on the next mini-batch of <paramref name="m"/> samples.</summary>
    protected void StepEcsNet(int m)
    {
        var first = NextBatch(m);
        EcsNetLayout.Step(Ecs!, Data.BatchInputs(first, m), Data.BatchTargets(first, m), m, Eta);
    }

    /// <summary>One dense-layout training step on the next mini-batch of <paramref name="m"/> samples.</summary>
    protected void StepDense(int m)
    {
        var first = NextBatch(m);
        DenseLayout!.TrainStep(Data.BatchInputs(first, m), Data.BatchTargets(first, m), m, Eta);
    }

    /// <summary>One object-graph training step on the next mini-batch of <paramref name="m"/> samples.</summary>
    protected void StepObjectGraph(int m)
    {
        var first = NextBatch(m);
        ObjectGraphLayout!.TrainStep(Data.BatchInputs(first, m), Data.BatchTargets(first, m), m, Eta);
    }

    /// <summary>Releases the layouts that hold native memory or threads (the EcsNet world, the dense buffers).</summary>
    [GlobalCleanup]
    public void GlobalCleanup()
    {
        Ecs?.Dispose();
        DenseLayout?.Dispose();
    }

    /// <summary>
    /// Sample data for a workload. Synthetic MNIST-like data for now; the single place to swap in MNIST
    /// (for 784-input, 10-output workloads) later.
    /// </summary>
    protected static TrainingData LoadData(int count, int inputSize, int outputSize) =>
        TrainingData.Synthetic(count, inputSize, outputSize, DataSeed);

    /// <summary>Sets the workload's setup and data and rewinds the batch cursor.</summary>
    protected void Initialize(NetworkSetup setup, TrainingData data)
    {
        ArgumentNullException.ThrowIfNull(setup);
        ArgumentNullException.ThrowIfNull(data);
        if (data.InputSize != setup.Sizes[0] || data.OutputSize != setup.Sizes[^1])
        {
            throw new ArgumentException("Data does not fit the network's input/output sizes.");
        }
        Setup = setup;
        Data = data;
        _nextSample = 0;
    }

    /// <summary>First sample of the next mini-batch of <paramref name="m"/> samples, cycling through <see cref="Data"/>.</summary>
    protected int NextBatch(int m)
    {
        var first = _nextSample;
        _nextSample += m;
        if (_nextSample + m > Data.Count)
        {
            _nextSample = 0;
        }
        return first;
    }
}
