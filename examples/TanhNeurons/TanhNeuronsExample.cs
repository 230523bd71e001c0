using EcsNet.ActivationFunctions;
using EcsNet.Components;
using EcsNet.Data;
using EcsNet.Training;

namespace EcsNet.Examples.TanhNeurons;

/// <summary>What <see cref="TanhNeuronsExample.Run"/> leaves: the trained network (dispose it) and its data.</summary>
/// <param name="Net">The trained network.</param>
/// <param name="Train">The normalised training set.</param>
/// <param name="Test">The normalised test set.</param>
/// <param name="TestAccuracy">The test accuracy after training.</param>
/// <param name="LargestPathDifference">max |a_fast − a_reference| over the test set's outputs after training.</param>
public sealed record TanhNeuronsRun(Network Net, DataSet Train, DataSet Test, double TestAccuracy, double LargestPathDifference);

/// <summary>A sigmoid hidden layer in which a few neurons are tanh neurons, each marked by its own component.</summary>
public static class TanhNeuronsExample
{
    /// <summary>The hidden neurons that get <c>OwnFunction.Of(ActivationFunction.Tanh)</c>.</summary>
    public static readonly int[] TanhIndices = [0, 3, 5];

    /// <summary>A 4-8-3 network (sigmoid hidden layer, softmax output, cross-entropy) with tanh at <see cref="TanhIndices"/>.</summary>
    public static Network Build(long seed = 1)
    {
        var net = IrisData.Classifier(8, seed);
        foreach (var j in TanhIndices)
        {
            net.World.Add(net.NeuronEntity(1, j), OwnFunction.Of(ActivationFunction.Tanh));
        }

        return net;
    }

    /// <summary>Trains on Iris, then compares the fast path with the reference path on the test set.</summary>
    public static TanhNeuronsRun Run(int epochs = 100, long seed = 1, TextWriter? log = null)
    {
        log ??= TextWriter.Null;
        var (train, test) = IrisData.Load();
        var net = Build(seed);
        log.WriteLine($"4-8-3 sigmoid/softmax with tanh at hidden neurons {string.Join(", ", TanhIndices)}");
        var trainer = new Trainer(new TrainingOptions { Epochs = epochs, BatchSize = 10, LearningRate = 0.5f, Seed = seed });
        trainer.EpochCompleted += e =>
        {
            if (e.Epoch % 25 == 0)
            {
                log.WriteLine($"epoch {e.Epoch,3}  cost {e.Cost:F4}  train {e.TrainAccuracy:P1}");
            }
        };

        trainer.Train(net, train);
        var accuracy = Evaluator.Evaluate(net, test).Accuracy;

        // The same inputs through both pass modes: the tanh neurons must be honoured by each.
        var all = Enumerable.Range(0, test.Count).ToArray();
        net.LoadBatch(test, all);
        net.Forward();
        var fast = net.Outputs.ToArray();
        net.PassMode = PassMode.Reference;
        net.Forward();
        var difference = fast.Zip(net.Outputs.ToArray(), (f, r) => Math.Abs(f - r)).Max();
        net.PassMode = PassMode.Fast;

        var h = net.NeuronEntity(1, TanhIndices[0]);
        var a = net.Value(NeuronValue.Activation, 1, TanhIndices[0]);
        log.WriteLine($"hidden neuron {TanhIndices[0]} ({net.World.Get<OwnFunction>(h).Function.Name}) on the first test flower: a = {a:F4}");
        log.WriteLine($"test accuracy {accuracy:P1}; fast and reference paths differ by at most {difference:G3}");
        return new TanhNeuronsRun(net, train, test, accuracy, difference);
    }
}
