using EcsNet.Data;

namespace EcsNet.Training;

/// <summary>Feeds a data set forward in batches and measures C = (1/n) Σ_x C_x and the accuracy.</summary>
public static class Evaluator
{
    /// <summary>The batch size used for forward-only passes.</summary>
    public const int BatchSize = 256;

    /// <summary>Evaluates <paramref name="network"/> on <paramref name="data"/> with the network's cost.</summary>
    public static Evaluation Evaluate(Network network, DataSet data)
    {
        var n = data.Count;
        var predictions = new int[n];
        var truth = new int[n];
        var indices = new int[Math.Min(BatchSize, Math.Max(1, n))];
        var outputs = network.OutputSize;
        var activation = network.OutputLayer.Function;
        var cost = 0.0;
        var correct = 0;
        for (var start = 0; start < n; start += BatchSize)
        {
            var m = Math.Min(BatchSize, n - start);
            for (var b = 0; b < m; b++)
            {
                indices[b] = start + b;
            }

            network.LoadBatch(data, indices.AsSpan(0, m));
            network.Forward();
            var a = network.Outputs;
            var y = network.Batch.Y.AsSpan(0, outputs * m);
            cost += network.Cost.Sum(a, y, outputs, m);
            for (var b = 0; b < m; b++)
            {
                var predicted = Classification.ClassOf(a, outputs, m, b, activation);
                var actual = Classification.ClassOf(y, outputs, m, b, activation);
                predictions[start + b] = predicted;
                truth[start + b] = actual;
                if (predicted == actual)
                {
                    correct++;
                }
            }
        }

        return new Evaluation(n == 0 ? 0 : cost / n, correct, n, predictions, truth);
    }
}
