using EcsNet.ActivationFunctions;
using EcsNet.Components;
using EcsNet.Training;

namespace EcsNet.Tests;

/// <summary>
/// The sparse indexes against the network's own list of synapses: after every edit made while training (synapses
/// disconnected and connected, skip synapses included), the runs by target hold every synapse no tile covers exactly
/// once, the runs by source hold exactly those that leave a hidden layer, and every entry names a chunk row whose
/// synapse has the run's and the entry's ends.
/// </summary>
public class SparseSynapsesTests
{
    [Fact]
    public void BothIndexesMatchTheSynapsesAfterEditsWhileTraining()
    {
        var random = new SeededRandom(17);
        using var net = NetworkBuilder.FullyConnected([30, 20, 12, 4], ActivationFunction.Tanh, Initializer.Xavier, seed: 4);
        var checkedEntries = 0;
        for (var round = 0; round < 12; round++)
        {
            var synapses = net.Synapses();
            for (var e = 0; e < 40; e++)
            {
                var victim = synapses[random.NextInt(synapses.Count)];
                if (net.World.IsAlive(victim.Entity))
                {
                    net.Disconnect(victim.Entity);
                }
            }

            // A few skip synapses into the output layer, from the inputs and from the first hidden layer.
            for (var e = 0; e < 3; e++)
            {
                var from = random.NextInt(2);
                var fromIndex = random.NextInt(from == 0 ? 30 : 20);
                var toIndex = random.NextInt(4);
                if (!net.Synapses().Any(s => (s.FromLayer, s.FromIndex, s.ToLayer, s.ToIndex) == (from, fromIndex, 3, toIndex)))
                {
                    net.Connect(from, fromIndex, 3, toIndex, 0.25f);
                }
            }

            var (inputs, targets) = Kernels.FastPathTests.RandomBatch(net, 8, seed: round);
            net.LoadBatch(inputs, targets, 8);
            net.TrainStep(Optimizer.Sgd, 0.1f);
            checkedEntries += AssertIndexesMatch(net);
        }

        Assert.True(checkedEntries > 1000, $"only {checkedEntries} entries checked");
    }

    /// <summary>Checks both indexes against <see cref="Network.Synapses"/>; returns the number of entries checked.</summary>
    private static int AssertIndexesMatch(Network net)
    {
        var plan = net.EnsurePlan();
        var slot = (int layer, int index) => net.Layers[layer].FirstSlot + index;
        var layerOf = (int s) => net.Layers.Count(l => l.FirstSlot <= s) - 1;
        var all = net.Synapses().Select(s => (Source: slot(s.FromLayer, s.FromIndex), Target: slot(s.ToLayer, s.ToIndex))).ToHashSet();

        var byTarget = Ends(plan, plan.Sparse.ByTarget, ownIsTarget: true, layerOf);
        var bySource = Ends(plan, plan.Sparse.BySource, ownIsTarget: false, layerOf);
        long tiled = 0;
        for (var l = 1; l < net.Layers.Count; l++)
        {
            tiled += plan.TileWork(l);
        }

        Assert.Equal(byTarget.Count, byTarget.Distinct().Count());
        Assert.Equal(all.Count, tiled + byTarget.Count);
        Assert.Subset(all, byTarget.ToHashSet());
        var fromHidden = byTarget.Where(e => layerOf(e.Source) > 0).Order().ToList();
        Assert.Equal(fromHidden, bySource.Order().ToList());
        return byTarget.Count + bySource.Count;
    }

    /// <summary>
    /// The (source, target) slots of every entry, read from the chunk row it names, after checking that the row's
    /// synapse has the run's own end and the entry's other end, and that each run is filed under its target layer.
    /// </summary>
    private static List<(int Source, int Target)> Ends(SynapsePlan plan, SparseRuns index, bool ownIsTarget, Func<int, int> layerOf)
    {
        var ends = new List<(int Source, int Target)>();
        for (var layer = 1; layer < 4; layer++)
        {
            for (var r = index.FirstRun(layer); r < index.FirstRun(layer) + index.RunCount(layer); r++)
            {
                var run = index.Runs[r];
                var rows = plan.Chunks[run.Chunk].GetSpan<Synapse>();
                for (var i = run.First; i < run.First + run.Count; i++)
                {
                    var entry = index.Entries[i];
                    var s = rows[entry.Row];
                    Assert.Equal(ownIsTarget ? (entry.Neuron, run.Neuron) : (run.Neuron, entry.Neuron), (s.Source, s.Target));
                    Assert.Equal(layer, layerOf(s.Target));
                    Assert.Equal(run.SourceLayer, layerOf(s.Source));
                    ends.Add((s.Source, s.Target));
                }
            }
        }

        return ends;
    }
}
