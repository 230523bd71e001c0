using EcsNet.Components;
using EcsNet.Data;
using EcsNet.Training;

namespace EcsNet.Tests.Acceptance;

/// <summary>
/// Synapses are entities a user can extend: a <see cref="LearningRate"/> component gives one synapse its own η, a
/// <see cref="Frozen"/> tag keeps its weight, and training goes on for all the others.
/// </summary>
public sealed class SynapseComponentTests
{
    private static readonly TrainingOptions Options = new() { Epochs = 50, BatchSize = 4, LearningRate = 2f };

    [Fact]
    public void SynapsesWithAZeroLearningRateKeepTheirWeightsWhileTheOthersLearn()
    {
        using var net = TestNetworks.Xor231(seed: 8);
        var before = net.Synapses();
        var slow = before.Where(s => s.ToLayer == 1).ToArray(); // every synapse into the hidden layer
        foreach (var s in slow)
        {
            net.World.Add(s.Entity, new LearningRate { Value = 0f });
        }

        new Trainer(Options).Train(net, LogicGates.Xor());

        var after = TestNetworks.WeightsByEnds(net);
        foreach (var s in before)
        {
            var w = after[(s.FromLayer, s.FromIndex, s.ToLayer, s.ToIndex)];
            if (s.ToLayer == 1)
            {
                Assert.Equal(s.Weight, w);
            }
            else
            {
                Assert.NotEqual(s.Weight, w);
            }
        }

        Assert.All(slow, s => Assert.Equal(0f, net.World.Get<LearningRate>(s.Entity).Value)); // the component stays
    }

    [Fact]
    public void APerSynapseLearningRateReplacesEtaForThatSynapse()
    {
        var xor = LogicGates.Xor();
        using var net = TestNetworks.Xor231(seed: 9);
        var special = net.Synapses().First(s => s.ToLayer == 2);
        net.World.Add(special.Entity, new LearningRate { Value = 0.25f });

        net.LoadBatch(xor.Inputs, xor.Targets, 4);
        net.Forward();
        net.Backpropagate();
        var gradients = net.Synapses().ToDictionary(s => s.Entity, s => (s.Weight, s.Gradient));
        net.ApplyGradients(Optimizer.Sgd, 2f);

        foreach (var s in net.Synapses())
        {
            var (w, g) = gradients[s.Entity];
            var eta = s.Entity == special.Entity ? 0.25f : 2f;
            Assert.Equal(w - eta * g / 4, s.Weight, 1e-6f);
        }
    }

    [Fact]
    public void FrozenSynapsesKeepTheirWeightAndLoseTheirGradient()
    {
        using var net = TestNetworks.Xor231(seed: 10);
        var before = net.Synapses();
        var frozen = before.Where((_, i) => i % 2 == 0).Select(s => s.Entity).ToHashSet();
        foreach (var e in frozen)
        {
            net.World.Add(e, new Frozen());
        }

        new Trainer(Options).Train(net, LogicGates.Xor());

        var after = net.Synapses().ToDictionary(s => s.Entity);
        Assert.Equal(before.Count, after.Count);
        foreach (var s in before)
        {
            if (frozen.Contains(s.Entity))
            {
                Assert.Equal(s.Weight, after[s.Entity].Weight);
                Assert.Equal(0f, after[s.Entity].Gradient);
                Assert.True(net.World.Has<Frozen>(s.Entity));
            }
            else
            {
                Assert.NotEqual(s.Weight, after[s.Entity].Weight);
            }
        }
    }
}
