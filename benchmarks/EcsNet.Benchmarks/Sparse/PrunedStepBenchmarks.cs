using BenchmarkDotNet.Attributes;
using EcsNet.ActivationFunctions;
using EcsNet.Baselines;
using EcsNet.Pruning;
using EcsNet.Training;

namespace EcsNet.Benchmarks.Sparse;

/// <summary>
/// One training step (sigmoid, quadratic cost, SGD, one thread) of a network pruned by a fraction, at random or by
/// magnitude, each layer by the same fraction. A pruned network is built the way a user gets one: the full network is
/// pruned with <see cref="Pruner"/> and written to and read back from its model (as <c>ecsnet prune</c> and
/// <c>ecsnet train --model</c> do). The speed-up column divides the unpruned step's median by this case's, both from
/// the same run. The derived classes choose the cases.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(PrunedStepConfig))]
public abstract class PrunedStepBenchmarks
{
    private const float Eta = 0.01f;
    private Network _network = null!;
    private TrainingData _data = null!;
    private int _next;

    /// <summary>The layer sizes, e.g. "784-100-10".</summary>
    public abstract string Shape { get; set; }

    /// <summary>What is pruned: "none", or the percentage and the criterion, e.g. "90% magnitude".</summary>
    public abstract string Pruned { get; set; }

    /// <summary>The mini-batch size m.</summary>
    public abstract int Batch { get; set; }

    [GlobalSetup]
    public void GlobalSetup()
    {
        var sizes = Sizes(Shape);
        _data = TrainingData.Synthetic(4096, sizes[0], sizes[^1], seed: 2);
        var before = GC.GetTotalMemory(forceFullCollection: true);
        _network = Build(sizes, Pruned);
        Step();
        var after = GC.GetTotalMemory(forceFullCollection: true);
        var live = _network.SynapseCount;
        var plan = _network.Plan;
        Console.WriteLine(
            $"// memory {Shape} {Pruned} m={Batch}: {live} live synapses ({plan.Sparse.TotalWork} sparse), plan {plan.Bytes} B = {(double)plan.Bytes / live:F1} B/synapse, network total {(double)(after - before) / live:F1} B/synapse");
    }

    [GlobalCleanup]
    public void GlobalCleanup() => _network.Dispose();

    [Benchmark]
    public void Step()
    {
        var first = _next;
        _next = _next + (2 * Batch) > _data.Count ? 0 : _next + Batch;
        _network.LoadBatch(_data.BatchInputs(first, Batch), _data.BatchTargets(first, Batch), Batch);
        _network.TrainStep(Optimizer.Sgd, Eta);
    }

    /// <summary>The sizes of a shape such as "784-100-10".</summary>
    public static int[] Sizes(string shape) => shape.Split('-').Select(int.Parse).ToArray();

    /// <summary>The synapses a case keeps: round(fraction · n) of each layer's n are removed.</summary>
    public static long LiveSynapses(string shape, string pruned)
    {
        var sizes = Sizes(shape);
        var (fraction, _) = Parse(pruned);
        long live = 0;
        for (var l = 1; l < sizes.Length; l++)
        {
            var n = sizes[l - 1] * sizes[l];
            live += n - (long)Math.Round(fraction * n, MidpointRounding.AwayFromZero);
        }

        return live;
    }

    private static Network Build(int[] sizes, string pruned)
    {
        var full = NetworkBuilder.FullyConnected(sizes, ActivationFunction.Sigmoid, Initializer.Xavier, seed: 1);
        var (fraction, by) = Parse(pruned);
        if (fraction == 0)
        {
            return full;
        }

        using (full)
        {
            Pruner.Prune(full, new PruneOptions(fraction, by, PruneScope.Layer, Seed: 3));
            return NetworkModel.ToNetwork(NetworkModel.ToSpec(full));
        }
    }

    private static (double Fraction, PruneCriterion By) Parse(string pruned)
    {
        if (pruned == "none")
        {
            return (0, PruneCriterion.Magnitude);
        }

        var parts = pruned.Split(' ');
        return (double.Parse(parts[0].TrimEnd('%'), System.Globalization.CultureInfo.InvariantCulture) / 100,
            parts[1] == "random" ? PruneCriterion.Random : PruneCriterion.Magnitude);
    }
}
