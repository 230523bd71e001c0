using EcsNet.Baselines;

namespace EcsNet.Benchmarks.Layouts;

/// <summary>
/// Shared state of the layout workloads W1–W5: the network setup every layout is built from, the data, and the
/// mini-batch cursor. Each workload class is <c>partial</c> so the EcsNet layout can be added in
/// <c>Layouts/EcsNetLayout.cs</c> without touching the reference layouts:
/// <code>
/// public partial class W1Benchmarks
/// {
///     partial void SetupEcsNet() =&gt; Ecs = Setup.BuildNetwork();
///     [Benchmark]
///     public void EcsNet() =&gt; StepEcsNet(Batch);
/// }
/// </code>
/// (Inside these classes a member named <c>EcsNet</c> hides the <c>EcsNet</c> namespace: write <c>global::EcsNet...</c>
/// or use <c>using</c> directives.) <c>SetupEcsNet</c> runs at the end of the class's <c>[GlobalSetup]</c>, after
/// <see cref="Setup"/> and <see cref="Data"/> are ready; <see cref="CleanupEcsNet"/> runs in <c>[GlobalCleanup]</c>.
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

    /// <summary>The EcsNet layout of the workload, built by the class's <c>SetupEcsNet</c>.</summary>
    protected global::EcsNet.Network Ecs { get; set; } = null!;

    /// <summary>One EcsNet training step on the next mini-batch of <paramref name="m"/> samples.</summary>
    protected void StepEcsNet(int m)
    {
        var first = NextBatch(m);
        EcsNetLayout.Step(Ecs, Data.BatchInputs(first, m), Data.BatchTargets(first, m), m, Eta);
    }

    /// <summary>Releases the EcsNet layout (its world and worker threads).</summary>
    protected void CleanupEcsNet() => Ecs?.Dispose();

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
