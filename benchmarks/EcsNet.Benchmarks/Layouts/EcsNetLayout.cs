using BenchmarkDotNet.Attributes;
using EcsNet.Activations;
using EcsNet.Training;
using EcsNetwork = EcsNet.Network;

namespace EcsNet.Benchmarks.Layouts;

/// <summary>
/// The EcsNet layout of every workload: the real library — neuron and synapse entities, weights in
/// <c>Weight</c> components, the passes as systems — built from the same <see cref="NetworkSetup"/> (same initial
/// weights, same pruning) and stepped on the same batches as the dense and object-graph layouts.
/// </summary>
internal static class EcsNetLayout
{
    /// <summary>Builds the network of <paramref name="setup"/>: dense layers where nothing is pruned, explicit synapses where it is.</summary>
    public static EcsNetwork Build(NetworkSetup setup, int threads = 1)
    {
        var sizes = setup.Sizes;
        var builder = new NetworkBuilder().Input(sizes[0]);
        for (var l = 0; l < setup.LayerCount; l++)
        {
            int from = sizes[l], to = sizes[l + 1];
            if (setup.IsPruned)
            {
                builder.Layer(to, ActivationFunction.Sigmoid);
                for (var j = 0; j < to; j++)
                {
                    for (var k = 0; k < from; k++)
                    {
                        if (setup.IsConnected(l, j, k))
                        {
                            builder.Connect(l, k, l + 1, j, setup.Weights[l][j * from + k]);
                        }
                    }
                }
            }
            else
            {
                var rows = new float[to][];
                for (var j = 0; j < to; j++)
                {
                    rows[j] = setup.Weights[l].AsSpan(j * from, from).ToArray();
                }

                builder.Dense(to, ActivationFunction.Sigmoid).Weights(l + 1, rows);
            }

            builder.Biases(l + 1, setup.Biases[l]);
        }

        var network = builder.Build(Initializer.Zero);
        network.Threads = threads;
        return network;
    }

    /// <summary>One mini-batch SGD step, as the other layouts take it.</summary>
    public static void Step(EcsNetwork network, ReadOnlySpan<float> inputs, ReadOnlySpan<float> targets, int m, float eta)
    {
        network.LoadBatch(inputs, targets, m);
        network.TrainStep(Optimizer.Sgd, eta);
    }

    /// <summary>
    /// Throws unless three EcsNet steps give the dense reference's weights (relative 1e-4: the sums run in a
    /// different order): numbers of a wrong implementation are worthless.
    /// </summary>
    public static string Verify(NetworkSetup setup, TrainingData data, int m)
    {
        using var ecs = Build(setup);
        using var dense = new DenseNetwork(setup, maxBatch: m);
        for (var step = 0; step < 3; step++)
        {
            var first = step * m;
            Step(ecs, data.BatchInputs(first, m), data.BatchTargets(first, m), m, 0.5f);
            dense.TrainStep(data.BatchInputs(first, m), data.BatchTargets(first, m), m, 0.5f);
        }

        var worst = 0.0;
        foreach (var s in ecs.Synapses())
        {
            var expected = dense.Weights(s.FromLayer)[s.ToIndex * setup.Sizes[s.FromLayer] + s.FromIndex];
            worst = Math.Max(worst, Math.Abs(s.Weight - expected) / (1 + Math.Abs(expected)));
        }

        if (!(worst <= 1e-4))
        {
            throw new InvalidOperationException($"EcsNet and the dense reference disagree after 3 steps at m = {m}: worst relative weight difference {worst:E2}");
        }

        return $"EcsNet check (m = {m}): {ecs.SynapseCount} synapses agree with the dense reference, worst relative difference {worst:E1}";
    }
}

public partial class W1Benchmarks
{
    private EcsNetwork _ecs = null!;

    partial void SetupEcsNet()
    {
        Console.WriteLine(EcsNetLayout.Verify(Setup, Data, Batch));
        _ecs = EcsNetLayout.Build(Setup);
    }

    partial void CleanupEcsNet() => _ecs.Dispose();

    [Benchmark]
    public void EcsNet()
    {
        var first = NextBatch(Batch);
        EcsNetLayout.Step(_ecs, Data.BatchInputs(first, Batch), Data.BatchTargets(first, Batch), Batch, Eta);
    }
}

public partial class W2Benchmarks
{
    private EcsNetwork _ecs = null!;

    partial void SetupEcsNet() => _ecs = EcsNetLayout.Build(Setup);

    partial void CleanupEcsNet() => _ecs.Dispose();

    [Benchmark]
    public void EcsNet()
    {
        var first = NextBatch(1);
        EcsNetLayout.Step(_ecs, Data.BatchInputs(first, 1), Data.BatchTargets(first, 1), 1, Eta);
    }
}

public partial class W3Benchmarks
{
    private EcsNetwork _ecs = null!;

    partial void SetupEcsNet() => _ecs = EcsNetLayout.Build(Setup, Threads);

    partial void CleanupEcsNet() => _ecs.Dispose();

    [Benchmark]
    public void EcsNet()
    {
        var first = NextBatch(Batch);
        EcsNetLayout.Step(_ecs, Data.BatchInputs(first, Batch), Data.BatchTargets(first, Batch), Batch, Eta);
    }
}

public partial class W4Benchmarks
{
    private EcsNetwork _ecs = null!;

    partial void SetupEcsNet() => _ecs = EcsNetLayout.Build(Setup);

    partial void CleanupEcsNet() => _ecs.Dispose();

    [Benchmark]
    public void EcsNet()
    {
        var first = NextBatch(Batch);
        EcsNetLayout.Step(_ecs, Data.BatchInputs(first, Batch), Data.BatchTargets(first, Batch), Batch, Eta);
    }
}

public partial class W5Benchmarks
{
    private EcsNetwork _ecs = null!;

    partial void SetupEcsNet() => _ecs = EcsNetLayout.Build(Setup);

    partial void CleanupEcsNet() => _ecs.Dispose();

    [Benchmark]
    public void EcsNet()
    {
        var first = NextBatch(Batch);
        EcsNetLayout.Step(_ecs, Data.BatchInputs(first, Batch), Data.BatchTargets(first, Batch), Batch, Eta);
    }
}
