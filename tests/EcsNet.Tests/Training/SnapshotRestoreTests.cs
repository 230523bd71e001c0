using EcsNet.ActivationFunctions;
using EcsNet.Components;
using EcsNet.Data;
using EcsNet.Tests.Reliability;
using EcsNet.Training;

namespace EcsNet.Tests.Training;

/// <summary>
/// Rollback and early stopping put every value back on the entity it was taken from, whatever was edited after the
/// snapshot, and say what could not be put back.
/// </summary>
public class SnapshotRestoreTests
{
    [Fact]
    public void ARestoreAfterRandomEditsPutsEveryValueOnItsOwnEntity()
    {
        for (var seed = 1; seed <= 200; seed++)
        {
            var random = new SeededRandom(seed);
            using var net = NetworkBuilder.FullyConnected([9, 10, 8, 3], ActivationFunction.Sigmoid, Initializer.Xavier, seed);
            var snapshot = new ParameterSnapshot();
            snapshot.Capture(net);
            var weights = net.Synapses().ToDictionary(s => s.Entity, s => s.Weight);
            var biases = TestNetworks.Biases(net);
            var edits = Enumerable.Range(0, 1 + random.NextInt(6)).Select(_ => StructuralEditModelTests.RandomEdit(net, random)).ToList();

            // Ruin every value, as a divergence would.
            foreach (ref var chunk in net.World.Query(in NetworkQueries.Weights))
            {
                chunk.GetSpan<Weight>()[..chunk.Count].Fill(new Weight { Value = float.NaN });
            }

            foreach (ref var chunk in net.World.Query(in NetworkQueries.Biases))
            {
                chunk.GetSpan<Bias>()[..chunk.Count].Fill(new Bias { Value = float.NaN });
            }

            var report = snapshot.Restore(net);

            var removed = weights.Keys.Count(e => !net.World.IsAlive(e));
            Assert.Equal(removed, report.Removed.Count);
            var created = 0;
            foreach (var s in net.Synapses())
            {
                if (weights.TryGetValue(s.Entity, out var w))
                {
                    Assert.True(BitConverter.SingleToInt32Bits(w) == BitConverter.SingleToInt32Bits(s.Weight), $"seed {seed} after [{string.Join("; ", edits)}]: {s}");
                }
                else
                {
                    created++;
                }
            }

            Assert.Equal(created, report.Created);
            Assert.Equal(biases, TestNetworks.Biases(net));
        }
    }

    [Fact]
    public void ASecondCaptureTakesTheNewValuesWhetherOrNotTheStructureChangedBetween()
    {
        float[] inputs = [.. Enumerable.Range(0, 4 * 9).Select(i => (i % 7) / 7f)];
        float[] targets = [.. Enumerable.Range(0, 4 * 3).Select(i => i % 2)];
        for (var seed = 1; seed <= 60; seed++)
        {
            var random = new SeededRandom(seed);
            using var net = NetworkBuilder.FullyConnected([9, 10, 8, 3], ActivationFunction.Sigmoid, Initializer.Xavier, seed);
            var snapshot = new ParameterSnapshot();
            snapshot.Capture(net);
            var edited = seed % 2 == 0;
            if (edited)
            {
                StructuralEditModelTests.RandomEdit(net, random);
            }

            // Training moves every value; the rows stay where they are unless an edit moved them.
            net.LoadBatch(inputs, targets, 4);
            net.TrainStep(Optimizer.Adam, 0.5f);
            snapshot.Capture(net);
            var weights = net.Synapses().ToDictionary(s => s.Entity, s => s.Weight);
            var biases = TestNetworks.Biases(net);

            net.LoadBatch(inputs, targets, 4);
            net.TrainStep(Optimizer.Adam, 0.5f);
            snapshot.Restore(net);

            foreach (var s in net.Synapses())
            {
                Assert.True(BitConverter.SingleToInt32Bits(weights[s.Entity]) == BitConverter.SingleToInt32Bits(s.Weight), $"seed {seed}, edited {edited}: {s}");
            }

            Assert.Equal(biases, TestNetworks.Biases(net));
        }
    }

    [Fact]
    public void ARollbackAfterEditsInAnEpochHandlerRestoresByIdentityAndNamesWhatWasPruned()
    {
        using var net = NetworkBuilder.FullyConnected([2, 4, 1], ActivationFunction.Linear, Initializer.Xavier, 4);
        var trainer = new Trainer(new TrainingOptions { Epochs = 5, BatchSize = 4, LearningRate = 0.01f });
        Dictionary<Entity, float>? afterEpoch1 = null;
        SynapseInfo pruned = default;
        Entity created = default;
        trainer.EpochCompleted += metrics =>
        {
            if (metrics.Epoch != 1)
            {
                return;
            }

            afterEpoch1 = net.Synapses().ToDictionary(s => s.Entity, s => s.Weight);
            var synapses = net.Synapses();
            pruned = synapses[0];
            net.Disconnect(pruned.Entity);
            net.World.Add(synapses[1].Entity, new LearningRate { Value = 0.5f });
            net.World.Add(synapses[2].Entity, new Frozen());
            created = net.Connect(0, 0, 2, 0, 0.25f);

            // Make the next epoch diverge.
            net.World.Set(synapses[3].Entity, new Weight { Value = float.PositiveInfinity });
        };

        var result = trainer.Train(net, LogicGates.Xor());

        Assert.Equal(StopReason.Diverged, result.StopReason);
        Assert.Contains($"({pruned.FromLayer},{pruned.FromIndex})→({pruned.ToLayer},{pruned.ToIndex})", result.Message);
        Assert.Contains("1 synapse removed since then", result.Message);
        Assert.Contains("1 synapse created since then kept its current weight", result.Message);
        foreach (var s in net.Synapses())
        {
            Assert.Equal(s.Entity == created ? 0.25f : afterEpoch1![s.Entity], s.Weight);
        }

        Assert.True(net.ParametersAreFinite());
    }
}
