using EcsNet.Data;
using EcsNet.Systems;
using EcsNet.Training;

namespace EcsNet.Examples.MagnitudePruning;

/// <summary>What <see cref="MagnitudePruningExample.Run"/> leaves: the pruned network (dispose it) and what happened.</summary>
/// <param name="Net">The trained, pruned network.</param>
/// <param name="Pruner">The system that pruned it (its <see cref="MagnitudePruningSystem.Rounds"/>).</param>
/// <param name="SynapsesAfterEpoch">net.SynapseCount after each epoch, as the trainer reported it.</param>
/// <param name="Train">The normalised training set.</param>
/// <param name="Test">The normalised test set.</param>
/// <param name="TestAccuracy">The test accuracy after training.</param>
public sealed record MagnitudePruningRun(
    Network Net, MagnitudePruningSystem Pruner, IReadOnlyList<int> SynapsesAfterEpoch, DataSet Train, DataSet Test, double TestAccuracy);

/// <summary>Trains a 4-16-3 network on Iris and prunes it by magnitude while it trains.</summary>
public static class MagnitudePruningExample
{
    /// <summary>The 4-16-3 classifier the example trains (sigmoid, softmax, cross-entropy): 112 synapses.</summary>
    public static Network Build(long seed = 1)
        => IrisData.Classifier(16, seed);

    /// <summary>The training options the example uses.</summary>
    public static TrainingOptions Options(int epochs, long seed) => new() { Epochs = epochs, BatchSize = 10, LearningRate = 0.5f, Seed = seed };

    /// <summary>
    /// Trains for <paramref name="epochs"/> epochs, pruning <paramref name="percent"/> % of the synapses every
    /// <paramref name="everyEpochs"/> epochs, and prints each round to <paramref name="log"/>.
    /// </summary>
    public static MagnitudePruningRun Run(int everyEpochs = 10, double percent = 25, int epochs = 65, long seed = 1, TextWriter? log = null)
    {
        log ??= TextWriter.Null;
        var (train, test) = IrisData.Load();
        var net = Build(seed);
        var pruner = new MagnitudePruningSystem(everyEpochs, percent);
        var trainer = new Trainer(Options(epochs, seed));
        trainer.Systems.Add((StepPhase.EndOfEpoch, pruner));
        var counts = new List<int>();
        log.WriteLine($"4-16-3 on Iris, {net.SynapseCount} synapses; every {everyEpochs} epochs prune {percent} % by |w|");
        trainer.EpochCompleted += e =>
        {
            counts.Add(net.SynapseCount);
            if (e.Epoch == 1)
            {
                log.WriteLine($"pipeline while training: {net.Systems}");
            }

            if (pruner.Rounds.Count > 0 && pruner.Rounds[^1].Epoch == e.Epoch)
            {
                var round = pruner.Rounds[^1];
                log.WriteLine($"epoch {e.Epoch,3}  pruned {round.Removed,3} of {round.Before,3} (|w| ≤ {round.LargestRemoved:F4})  {net.SynapseCount,3} left  train {e.TrainAccuracy:P1}");
            }
        };

        trainer.Train(net, train);
        var accuracy = Evaluator.Evaluate(net, test).Accuracy;
        log.WriteLine($"test accuracy {accuracy:P1} with {net.SynapseCount} of 112 synapses");
        return new MagnitudePruningRun(net, pruner, counts, train, test, accuracy);
    }
}
