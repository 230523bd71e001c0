using EcsNet.ActivationFunctions;
using EcsNet.Costs;
using EcsNet.Data;
using EcsNet.Datasets;
using EcsNet.Training;

namespace EcsNet.Tests.Acceptance;

/// <summary>
/// Fisher's Iris (the Seoul deck's exercise): a third held out for testing, z-score normalisation fitted on the
/// training part only, a 4-8-3 network with sigmoid hidden units and a softmax output trained on cross-entropy.
/// </summary>
public sealed class IrisTests
{
    /// <summary>Trains the network used by the Iris and pruning tests; returns it with its normalised train and test sets.</summary>
    internal static (Network Net, DataSet Train, DataSet Test) Trained(int hidden, int epochs, long seed = 1)
    {
        var (train, test) = Iris.Load().Split(1.0 / 3.0, seed: 7);
        var scale = Normalization.FitZScore(train);
        (train, test) = (scale.Apply(train), scale.Apply(test));
        var net = new NetworkBuilder().Input(4).Dense(hidden, ActivationFunction.Sigmoid).Dense(3, ActivationFunction.Softmax)
            .Build(Initializer.Xavier, seed);
        net.Cost = CostFunction.SoftmaxCrossEntropy;
        new Trainer(new TrainingOptions { Epochs = epochs, BatchSize = 10, LearningRate = 0.5f, Seed = seed }).Train(net, train);
        return (net, train, test);
    }

    [Fact]
    public void Reaches95PercentOnAHeldOutThird()
    {
        var (net, train, test) = Trained(hidden: 8, epochs: 200);
        using (net)
        {
            Assert.Equal(50, test.Count);
            Assert.Equal(100, train.Count);
            var accuracy = Evaluator.Evaluate(net, test).Accuracy;
            Assert.True(accuracy >= 0.95, $"test accuracy {accuracy:P1}");
        }
    }
}
