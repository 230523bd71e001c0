using EcsNet.Data;
using EcsNet.Systems;
using EcsNet.Training;

namespace EcsNet.Examples.Dropout;

/// <summary>What <see cref="DropoutExample.Run"/> leaves: the trained network (dispose it) and its data.</summary>
/// <param name="Net">The trained network, the dropout system still in its pipeline.</param>
/// <param name="Dropout">The dropout system.</param>
/// <param name="Train">The normalised training set.</param>
/// <param name="Test">The normalised test set.</param>
/// <param name="TestAccuracy">The test accuracy after training (no neuron dropped).</param>
public sealed record DropoutRun(Network Net, DropoutSystem Dropout, DataSet Train, DataSet Test, double TestAccuracy);

/// <summary>Trains a 4-32-3 network on Iris with dropout on its hidden layer.</summary>
public static class DropoutExample
{
    /// <summary>The 4-<paramref name="hidden"/>-3 classifier (sigmoid, softmax, cross-entropy).</summary>
    public static Network Build(int hidden = 32, long seed = 1)
        => IrisData.Classifier(hidden, seed);

    /// <summary>Trains with dropout rate <paramref name="rate"/>, printing a line every 20 epochs to <paramref name="log"/>.</summary>
    public static DropoutRun Run(double rate = 0.5, int epochs = 100, long seed = 1, TextWriter? log = null)
    {
        log ??= TextWriter.Null;
        var (train, test) = IrisData.Load();
        var net = Build(seed: seed);
        var dropout = new DropoutSystem(rate, seed);
        net.Systems.Add(StepPhase.BeforeFeedforward, dropout);
        log.WriteLine($"dropout p = {rate} on the 32 hidden neurons; the pipeline: {net.Systems}");
        var trainer = new Trainer(new TrainingOptions { Epochs = epochs, BatchSize = 1, LearningRate = 0.1f, Seed = seed });
        trainer.EpochCompleted += e =>
        {
            if (e.Epoch % 20 == 0)
            {
                // The accuracy counted while training sees the masks; the test accuracy is measured without them.
                log.WriteLine($"epoch {e.Epoch,3}  cost {e.Cost:F4}  train (masked) {e.TrainAccuracy:P1}  test {e.TestAccuracy:P1}");
            }
        };

        trainer.Train(net, train, test);
        var accuracy = Evaluator.Evaluate(net, test).Accuracy;
        log.WriteLine($"test accuracy {accuracy:P1} on {test.Count} held-out flowers, every neuron present");
        return new DropoutRun(net, dropout, train, test, accuracy);
    }
}
