using EcsNet.Data;

namespace EcsNet.Cli.Output;

/// <summary>
/// The errors of a network on numeric targets: MSE = mean (a − y)², MAE = mean |a − y| over every output of every
/// sample, and R² = 1 − Σ(y − a)² / Σ(y − ȳ)² with ȳ the mean of each output over the samples.
/// </summary>
internal sealed record RegressionReport(double Mse, double Mae, double R2)
{
    public static RegressionReport Of(Network network, DataSet data)
    {
        var outputs = data.OutputSize;
        var mean = new double[outputs];
        for (var i = 0; i < data.Count; i++)
        {
            var y = data.Target(i);
            for (var j = 0; j < outputs; j++)
            {
                mean[j] += y[j];
            }
        }

        for (var j = 0; j < outputs; j++)
        {
            mean[j] /= Math.Max(1, data.Count);
        }

        double squared = 0, absolute = 0, total = 0;
        for (var i = 0; i < data.Count; i++)
        {
            var a = network.Predict(data.Input(i));
            var y = data.Target(i);
            for (var j = 0; j < outputs; j++)
            {
                var error = (double)a[j] - y[j];
                squared += error * error;
                absolute += Math.Abs(error);
                total += (y[j] - mean[j]) * (y[j] - mean[j]);
            }
        }

        var values = Math.Max(1, (double)data.Count * outputs);
        return new RegressionReport(squared / values, absolute / values, total == 0 ? double.NaN : 1 - squared / total);
    }
}
