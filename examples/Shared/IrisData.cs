using EcsNet.Data;
using EcsNet.Datasets;

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
}
