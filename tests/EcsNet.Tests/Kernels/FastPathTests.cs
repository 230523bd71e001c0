using EcsNet.ActivationFunctions;
using EcsNet.Costs;
using EcsNet.Training;

namespace EcsNet.Tests.Kernels;

/// <summary>
/// The tiled fast path against the per-synapse reference path (<see cref="PassMode.Reference"/>): same network, same
/// data, a few training steps, every weight compared. Sums are taken in a different order, so the agreement is to
/// float rounding: |Δw| ≤ 1e-4 · (1 + |w|).
/// </summary>
public class FastPathTests
{
    private const double Tolerance = 1e-4;

    public static TheoryData<string, string, string, int> Combinations()
    {
        var data = new TheoryData<string, string, string, int>();
        string[] hidden = ["sigmoid", "tanh", "relu", "leaky-relu", "linear", "hardtanh"];
        (string Output, string Cost)[] outputs = [("sigmoid", "quadratic"), ("sigmoid", "cross-entropy"), ("softmax", "softmax-cross-entropy"), ("linear", "quadratic")];
        string[] optimizers = ["sgd", "momentum:0.9", "nesterov:0.9", "adagrad", "rmsprop", "adam"];
        int[] batches = [1, 5, 32];
        var i = 0;
        foreach (var h in hidden)
        {
            foreach (var (output, cost) in outputs)
            {
                foreach (var optimizer in optimizers)
                {
                    data.Add(h, $"{output}/{cost}", optimizer, batches[i++ % batches.Length]);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Combinations))]
    public void FastPathAgreesWithTheReferencePath(string hidden, string outputAndCost, string optimizer, int batch)
    {
        var parts = outputAndCost.Split('/');
        using var fast = Build(hidden, parts[0], seed: 11);
        using var reference = Build(hidden, parts[0], seed: 11);
        reference.PassMode = PassMode.Reference;
        foreach (var net in new[] { fast, reference })
        {
            net.Cost = CostFunction.ByName(parts[1], net.OutputLayer.Function);
        }

        var (inputs, targets) = RandomBatch(fast, batch, seed: 5);
        var opt = Optimizer.Parse(optimizer);
        var eta = opt.Kind is OptimizerKind.Sgd or OptimizerKind.Momentum or OptimizerKind.Nesterov ? 0.05f : 0.005f;
        for (var step = 0; step < 3; step++)
        {
            foreach (var net in new[] { fast, reference })
            {
                net.LoadBatch(inputs, targets, batch);
                net.TrainStep(opt, eta);
            }
        }

        var f = fast.Synapses();
        var r = reference.Synapses();
        Assert.Equal(r.Count, f.Count);
        var worst = 0.0;
        for (var i = 0; i < f.Count; i++)
        {
            Assert.Equal((r[i].FromLayer, r[i].FromIndex, r[i].ToLayer, r[i].ToIndex), (f[i].FromLayer, f[i].FromIndex, f[i].ToLayer, f[i].ToIndex));
            worst = Math.Max(worst, Math.Abs(f[i].Weight - r[i].Weight) / (1 + Math.Abs(r[i].Weight)));
        }

        Assert.True(worst <= Tolerance, $"worst relative weight difference {worst:E2} > {Tolerance:E0}");
        Assert.NotEqual(0f, f.Select(s => s.Weight).Sum()); // the network really is there
    }

    [Fact]
    public void FastPathUsesTilesForDenseLayersAndRowsForTheRest()
    {
        using var net = Build("sigmoid", "sigmoid", seed: 1);
        var plan = net.EnsurePlan();
        var tiled = 0L;
        for (var l = 1; l < net.Layers.Count; l++)
        {
            tiled += plan.TileWork(l);
        }

        var sparse = plan.Sparse.TotalWork;

        // 20→17 and 17→9 are dense (tiles), the 9 skip synapses and the pruned layer's survivors are rows.
        Assert.Equal(net.SynapseCount, tiled + sparse);
        Assert.True(tiled >= 20 * 16, $"expected most dense synapses in tiles, got {tiled}");
        Assert.True(sparse >= 9, $"expected the skip synapses as rows, got {sparse}");
    }

    /// <summary>20 inputs → 17 → 9 → 3, with skip synapses from the inputs to the outputs and the last layer pruned by half.</summary>
    internal static Network Build(string hidden, string output, long seed)
    {
        var f = ActivationFunction.ByName(hidden);
        var builder = new NetworkBuilder().Input(20).Dense(17, f).Dense(9, f).Dense(3, ActivationFunction.ByName(output));
        for (var k = 0; k < 9; k++)
        {
            builder.Connect(0, k * 2, 3, k % 3, 0.1f * (k - 4));
        }

        var net = builder.Build(Initializer.Xavier, seed);
        var random = new SeededRandom(seed + 1);
        foreach (var synapse in net.Synapses().Where(s => s.ToLayer == 3 && s.FromLayer == 2))
        {
            if (random.NextDouble() < 0.5)
            {
                net.Disconnect(synapse.Entity);
            }
        }

        return net;
    }

    internal static (float[] Inputs, float[] Targets) RandomBatch(Network net, int m, long seed)
    {
        var random = new SeededRandom(seed);
        var inputs = new float[m * net.InputSize];
        for (var i = 0; i < inputs.Length; i++)
        {
            inputs[i] = (float)random.NextUniform(-1, 1);
        }

        var targets = new float[m * net.OutputSize];
        for (var b = 0; b < m; b++)
        {
            targets[b * net.OutputSize + random.NextInt(net.OutputSize)] = 1f;
        }

        return (inputs, targets);
    }
}
