using System.Globalization;
using System.Text;
using EcsNet.Training;

namespace EcsNet.Cli.Output;

/// <summary>Per-epoch metrics as CSV (invariant culture, empty cells for figures not measured).</summary>
internal static class MetricsCsv
{
    /// <summary>The header row.</summary>
    public const string Header = "epoch,cost,train_accuracy,test_cost,test_accuracy,validation_cost,validation_accuracy,learning_rate,seconds,samples_per_second";

    /// <summary>Writes <paramref name="epochs"/> to <paramref name="path"/>.</summary>
    public static void Write(string path, IEnumerable<EpochMetrics> epochs)
    {
        var text = new StringBuilder().AppendLine(Header);
        foreach (var e in epochs)
        {
            text.AppendLine(string.Join(',', new[]
            {
                e.Epoch.ToString(CultureInfo.InvariantCulture), F(e.Cost), F(e.TrainAccuracy), F(e.TestCost), F(e.TestAccuracy),
                F(e.ValidationCost), F(e.ValidationAccuracy), F(e.LearningRate), F(e.Seconds), F(e.SamplesPerSecond),
            }));
        }

        File.WriteAllText(path, text.ToString());
    }

    private static string F(double? value) => value is { } v ? v.ToString("R", CultureInfo.InvariantCulture) : "";
}
