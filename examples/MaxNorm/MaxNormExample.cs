using EcsNet.Data;
using EcsNet.Systems;
using EcsNet.Training;

namespace EcsNet.Examples.MaxNorm;

/// <summary>What <see cref="MaxNormExample.Run"/> leaves: the trained network (dispose it), its constraint and data.</summary>
/// <param name="Net">The trained network, the constraint still in its pipeline.</param>
/// <param name="Constraint">The system that ran after every update.</param>
/// <param name="Train">The normalised training set.</param>
/// <param name="Test">The normalised test set.</param>
/// <param name="TestAccuracy">The test accuracy after training.</param>
public sealed record MaxNormRun(Network Net, MaxNormSystem Constraint, DataSet Train, DataSet Test, double TestAccuracy);

/// <summary>Trains a 4-16-3 network on Iris with every neuron's incoming weights held to ‖w_j‖ ≤ c.</summary>
public static class MaxNormExample
{
    /// <summary>The 4-<paramref name="hidden"/>-3 classifier the example trains (sigmoid, softmax, cross-entropy).</summary>
    public static Network Build(int hidden = 16, long seed = 1)
        => IrisData.Classifier(hidden, seed);

    /// <summary>Trains with the constraint after every update, printing a line every tenth epoch to <paramref name="log"/>.</summary>
    public static MaxNormRun Run(float maxNorm = 1.5f, int epochs = 60, long seed = 1, TextWriter? log = null)
    {
        log ??= TextWriter.Null;
        var (train, test) = IrisData.Load();
        var net = Build(seed: seed);
        var constraint = new MaxNormSystem(maxNorm);
        var trainer = new Trainer(new TrainingOptions { Epochs = epochs, BatchSize = 10, LearningRate = 0.5f, Seed = seed });
        trainer.EpochCompleted += e =>
        {
            if (e.Epoch % 10 == 0)
            {
                log.WriteLine($"epoch {e.Epoch,3}  cost {e.Cost:F4}  train {e.TrainAccuracy:P1}  largest ‖w_j‖ {LargestNorm(net):F4}  rescaled so far {constraint.Rescaled}");
            }
        };

        net.Systems.Add(StepPhase.AfterUpdate, constraint);
        log.WriteLine($"max-norm constraint ‖w_j‖ ≤ {maxNorm}; the pipeline: {net.Systems}");
        trainer.Train(net, train);
        var accuracy = Evaluator.Evaluate(net, test).Accuracy;
        log.WriteLine($"test accuracy {accuracy:P1} on {test.Count} held-out flowers");
        return new MaxNormRun(net, constraint, train, test, accuracy);
    }

    /// <summary>max_j ‖w_j‖ over the neurons of layers 1 and up.</summary>
    public static double LargestNorm(Network net)
    {
        var squares = new double[net.NeuronCount];
        foreach (var s in net.Synapses())
        {
            squares[net.Slot(s.ToLayer, s.ToIndex)] += (double)s.Weight * s.Weight;
        }

        return Math.Sqrt(squares.Max());
    }
}
