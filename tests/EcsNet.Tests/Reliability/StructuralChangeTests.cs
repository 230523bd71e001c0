using EcsNet.ActivationFunctions;
using EcsNet.Components;
using EcsNet.Data;
using EcsNet.Diagnostics;
using EcsNet.Training;

namespace EcsNet.Tests.Reliability;

/// <summary>
/// The network layer under random structural changes (pruning and regrowing while training must never corrupt it): seeded sequences of prunes, new synapses and added or
/// removed components between training steps; after every change the gradient check must still pass and the tiled
/// fast path must still agree with the per-synapse reference path.
/// </summary>
public class StructuralChangeTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void RandomPruneRegrowAndComponentChangesKeepBackpropCorrect(int seed)
    {
        var random = new SeededRandom(seed);
        var data = Playground.Generate("circle", 40, 0.1, seed);
        using var net = NetworkBuilder.FullyConnected([2, 12, 9, 1], [ActivationFunction.Tanh, ActivationFunction.Sigmoid, ActivationFunction.Sigmoid], Initializer.Xavier, seed);
        int[] batch = [0, 1, 2, 3, 4, 5, 6, 7];
        for (var step = 0; step < 60; step++)
        {
            var operation = random.NextInt(5);
            var synapses = net.Synapses();
            var pick = synapses[random.NextInt(synapses.Count)];
            switch (operation)
            {
                case 0 when synapses.Count > 10:
                    net.Disconnect(pick.Entity);
                    break;
                case 1:
                    Regrow(net, random);
                    break;
                case 2 when !net.World.Has<LearningRate>(pick.Entity):
                    net.World.Add(pick.Entity, new LearningRate { Value = 0.01f });
                    break;
                case 3 when !net.World.Has<Frozen>(pick.Entity):
                    net.World.Add(pick.Entity, new Frozen());
                    break;
                case 4 when net.World.Has<Frozen>(pick.Entity):
                    net.World.Remove<Frozen>(pick.Entity);
                    break;
            }

            // Structural changes above are made on the world directly, on purpose, with no InvalidateTopology().
            for (var b = 0; b < batch.Length; b++)
            {
                batch[b] = random.NextInt(data.Count);
            }

            net.LoadBatch(data, batch);
            net.TrainStep(Optimizer.Sgd, 0.3f);

            if (step % 6 == 5)
            {
                var report = GradientCheck.Run(net, data, maxSamples: 8);
                Assert.True(report.Passed(1e-2), $"seed {seed}, step {step}: {report}");
                AssertFastEqualsReference(net, data, seed, step);
            }
        }

        Assert.True(net.ParametersAreFinite());
    }

    private static void Regrow(Network net, SeededRandom random)
    {
        var existing = net.Synapses().Select(s => (s.FromLayer, s.FromIndex, s.ToLayer, s.ToIndex)).ToHashSet();
        for (var attempt = 0; attempt < 20; attempt++)
        {
            var to = 1 + random.NextInt(net.Layers.Count - 1);
            var from = random.NextInt(to);
            var key = (from, random.NextInt(net.Layers[from].Size), to, random.NextInt(net.Layers[to].Size));
            if (existing.Add(key))
            {
                net.Connect(key.Item1, key.Item2, key.Item3, key.Item4, (float)random.NextUniform(-0.5, 0.5));
                return;
            }
        }
    }

    private static void AssertFastEqualsReference(Network net, DataSet data, int seed, int step)
    {
        int[] all = Enumerable.Range(0, data.Count).ToArray();
        net.LoadBatch(data, all);
        net.PassMode = PassMode.Reference;
        net.Forward();
        var reference = net.Outputs.ToArray();
        net.PassMode = PassMode.Fast;
        net.Forward();
        var fast = net.Outputs.ToArray();
        for (var i = 0; i < fast.Length; i++)
        {
            Assert.True(Math.Abs(fast[i] - reference[i]) <= 1e-5, $"seed {seed}, step {step}, output {i}: fast {fast[i]} vs reference {reference[i]}");
        }
    }
}
