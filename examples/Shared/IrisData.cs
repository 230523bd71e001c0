using EcsNet.ActivationFunctions;
using EcsNet.Costs;
using EcsNet.Data;
using EcsNet.Datasets;
using EcsNet.Training;

namespace EcsNet.Examples;

/// <summary>The examples' small classification task: the embedded Iris set, a third held out, z-scores fitted on the rest.</summary>
internal static class IrisData
{
    /// <summary>100 training and 50 test samples, normalised with the training part's mean and deviation.</summary>
    public static (DataSet Train, DataSet Test) Load()
    {
        var (train, test) = Iris.Load().Split(1.0 / 3.0, seed: 7);
        var scale = Normalization.FitZScore(train);
        return (scale.Apply(train), scale.Apply(test));
    }

    /// <summary>The examples' classifier: 4-<paramref name="hidden"/>-3, sigmoid hidden layer, softmax output and
    /// cross-entropy, Xavier-initialised from <paramref name="seed"/>.</summary>
    public static Network Classifier(int hidden, long seed)
    {
        var net = new NetworkBuilder().Input(4).Dense(hidden, ActivationFunction.Sigmoid).Dense(3, ActivationFunction.Softmax)
            .Build(Initializer.Xavier, seed);
        net.Cost = CostFunction.SoftmaxCrossEntropy;
        return net;
    }
}
