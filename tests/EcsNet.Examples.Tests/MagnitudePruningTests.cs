using EcsNet.Components;
using EcsNet.Ecs.Scheduling;
using EcsNet.Examples.MagnitudePruning;
using EcsNet.Systems;
using EcsNet.Training;

namespace EcsNet.Examples.Tests;

/// <summary>The pruning example: exact counts per round, the smallest |w| go, and the pruned network still trains and agrees across pass modes.</summary>
public sealed class MagnitudePruningTests
{
    [Fact]
    public void EachRoundLeavesExactlyTheComputedNumberOfSynapsesAndTrainingKeepsWorking()
    {
        var log = new StringWriter();
        var run = MagnitudePruningExample.Run(everyEpochs: 10, percent: 25, epochs: 65, log: log);
        using var net = run.Net;

        // n_0 = 4·16 + 16·3; after each 10th epoch n ← n − ⌊n · 25 / 100⌋.
        var expected = new List<int>();
        var n = 4 * 16 + 16 * 3;
        for (var epoch = 1; epoch <= 65; epoch++)
        {
            n -= epoch % 10 == 0 ? n * 25 / 100 : 0;
            expected.Add(n);
        }

        Assert.Equal(expected, run.SynapsesAfterEpoch);
        Assert.Equal([10, 20, 30, 40, 50, 60], run.Pruner.Rounds.Select(r => r.Epoch));
        Assert.Equal(21, net.SynapseCount);

        // A fifth of the synapses left, and the network still separates the classes.
        Assert.True(run.TestAccuracy >= 0.9, $"test accuracy {run.TestAccuracy:P1}");
        var trainAccuracy = Evaluator.Evaluate(net, run.Train).Accuracy;
        Assert.True(trainAccuracy >= 0.9, $"train accuracy {trainAccuracy:P1}");
        Assert.Contains("21 left", log.ToString());
    }

    [Fact]
    public void ARoundRemovesTheSynapsesWithTheSmallestMagnitudes()
    {
        var (train, _) = IrisData.Load();
        using var net = MagnitudePruningExample.Build(seed: 4);
        var snapshot = new MagnitudeSnapshot();
        var pruner = new MagnitudePruningSystem(everyEpochs: 3, percent: 40);
        var trainer = new Trainer(MagnitudePruningExample.Options(epochs: 9, seed: 4));
        trainer.Systems.Add((StepPhase.EndOfEpoch, snapshot)); // runs before the pruner: the weights it is about to judge
        trainer.Systems.Add((StepPhase.EndOfEpoch, pruner));
        var rounds = 0;
        trainer.EpochCompleted += e =>
        {
            if (e.Epoch % 3 != 0)
            {
                return;
            }

            rounds++;
            var before = snapshot.Magnitudes;
            var removed = before.Keys.Where(s => !net.World.IsAlive(s)).ToArray();
            var kept = before.Keys.Where(net.World.IsAlive).ToArray();
            Assert.Equal(before.Count * 40 / 100, removed.Length);
            Assert.Equal(net.SynapseCount, kept.Length);
            Assert.True(removed.Max(s => before[s]) <= kept.Min(s => before[s]), $"round {rounds}: a larger |w| was removed before a smaller one");
        };

        trainer.Train(net, train);
        Assert.Equal(3, rounds);
        Assert.Equal(3, pruner.Rounds.Count);
    }

    [Fact]
    public void AfterPruningFastAndReferencePathsAndAHandForwardPassAgree()
    {
        var run = MagnitudePruningExample.Run(everyEpochs: 5, percent: 30, epochs: 20);
        using var net = run.Net;
        Assert.True(net.SynapseCount < 60, $"{net.SynapseCount} synapses left");
        var all = Enumerable.Range(0, run.Train.Count).ToArray();

        var fast = Pass(net, PassMode.Fast, run.Train, all);
        var reference = Pass(net, PassMode.Reference, run.Train, all);
        Assert.Equal(fast.Outputs.Length, reference.Outputs.Length);
        for (var i = 0; i < fast.Outputs.Length; i++)
        {
            Assert.Equal(reference.Outputs[i], fast.Outputs[i], 1e-5);
        }

        foreach (var (synapse, gradient) in reference.Gradients)
        {
            Assert.Equal(gradient, fast.Gradients[synapse], 1e-4 * Math.Max(1, Math.Abs(gradient)));
        }

        // Both against a forward pass computed from the remaining synapses alone.
        for (var b = 0; b < all.Length; b += 7)
        {
            var hand = HandNetwork.Forward(net, run.Train.Input(b))[^1];
            for (var j = 0; j < hand.Length; j++)
            {
                Assert.Equal(hand[j], fast.Outputs[j * all.Length + b], 1e-5);
            }
        }
    }

    private static (float[] Outputs, Dictionary<Entity, float> Gradients) Pass(Network net, PassMode mode, Data.DataSet data, int[] indices)
    {
        net.PassMode = mode;
        net.LoadBatch(data, indices);
        net.Forward();
        var outputs = net.Outputs.ToArray();
        net.Backpropagate();
        var gradients = net.Synapses().ToDictionary(s => s.Entity, s => s.Gradient);
        net.DiscardGradients();
        net.PassMode = PassMode.Fast;
        return (outputs, gradients);
    }

    /// <summary>Records |w| of every synapse when it runs.</summary>
    private sealed class MagnitudeSnapshot : ISystem<StepContext>
    {
        private static readonly QueryDescription Weighted = new QueryDescription().WithAll<Synapse, Weight>();

        public Dictionary<Entity, float> Magnitudes { get; } = [];

        public void Update(StepContext context)
        {
            Magnitudes.Clear();
            foreach (ref var chunk in context.World.Query(in Weighted))
            {
                var weights = chunk.GetSpan<Weight>();
                for (var r = 0; r < chunk.Count; r++)
                {
                    Magnitudes[chunk.Entity(r)] = MathF.Abs(weights[r].Value);
                }
            }
        }
    }
}
