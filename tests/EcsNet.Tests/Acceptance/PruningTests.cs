using EcsNet.ActivationFunctions;
using EcsNet.Components;
using EcsNet.Training;

namespace EcsNet.Tests.Acceptance;

/// <summary>
/// Synapses are entities, so pruning is destroying them: half of a trained Iris network's synapses (smallest |w|) are
/// destroyed, training goes on without them, and the accuracy comes back.
/// </summary>
public sealed class PruningTests
{
    private static readonly QueryDescription AllSynapses = new QueryDescription().WithAll<Synapse>();

    [Fact]
    public void DestroyingHalfTheSynapsesBySmallestWeightAndRetrainingKeeps95Percent()
    {
        var (net, train, test) = IrisTests.Trained(hidden: 16, epochs: 100);
        using (net)
        {
            var before = net.Synapses();
            Assert.Equal(4 * 16 + 16 * 3, before.Count);

            var pruned = before.OrderBy(s => Math.Abs(s.Weight)).Take(before.Count / 2).ToArray();
            foreach (var s in pruned)
            {
                net.Disconnect(s.Entity);
            }

            // Gone from the count, from the world and from every query.
            var remaining = before.Count - pruned.Length;
            Assert.Equal(remaining, net.SynapseCount);
            Assert.Equal(remaining, net.World.CountEntities(in AllSynapses));
            Assert.All(pruned, s => Assert.False(net.World.IsAlive(s.Entity)));
            var ends = net.Synapses().Select(s => (s.FromLayer, s.FromIndex, s.ToLayer, s.ToIndex)).ToHashSet();
            Assert.Equal(remaining, ends.Count);
            Assert.All(pruned, s => Assert.DoesNotContain((s.FromLayer, s.FromIndex, s.ToLayer, s.ToIndex), ends));

            // Keep training the pruned network: the accuracy is back at the target and no synapse came back.
            var result = new Trainer(new TrainingOptions { Epochs = 100, BatchSize = 10, LearningRate = 0.5f, Seed = 2 }).Train(net, train);
            Assert.Equal(StopReason.Completed, result.StopReason);
            Assert.Equal(remaining, net.SynapseCount);
            var accuracy = Evaluator.Evaluate(net, test).Accuracy;
            Assert.True(accuracy >= 0.95, $"test accuracy after pruning and retraining: {accuracy:P1}");
        }
    }

    [Fact]
    public void APrunedSynapseCarriesNoSignal()
    {
        // A linear unit z = 1 + 2x₁ + 3x₂: without the synapse from x₂ it computes 1 + 2x₁.
        using var net = new NetworkBuilder().Input(2).Dense(1, ActivationFunction.Linear)
            .Weights(1, [[2f, 3f]]).Biases(1, [1f]).Build();
        Assert.Equal(1f + 2f * 5f + 3f * 7f, TestNetworks.Output(net, 5f, 7f));

        net.Disconnect(net.Synapses().Single(s => s.FromIndex == 1).Entity);

        Assert.Equal(1, net.SynapseCount);
        Assert.Equal(1f + 2f * 5f, TestNetworks.Output(net, 5f, 7f));
    }
}
