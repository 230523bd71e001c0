using System.Globalization;
using EcsNet.Training;

namespace EcsNet.Cli.Output;

/// <summary>
/// Per-epoch metrics as CSV (invariant culture, empty cells for figures not measured), a line written and flushed as
/// each epoch ends so the file can be followed live (<c>tail -f</c>).
/// </summary>
internal sealed class MetricsCsv : IDisposable
{
    /// <summary>The header row.</summary>
    public const string Header = "epoch,cost,train_accuracy,test_cost,test_accuracy,validation_cost,validation_accuracy,learning_rate,seconds,samples_per_second";

    private readonly StreamWriter _writer;

    /// <summary>Creates (or replaces) <paramref name="path"/> and writes the header.</summary>
    public MetricsCsv(string path)
    {
        _writer = new StreamWriter(path, append: false, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        _writer.WriteLine(Header);
        _writer.Flush();
    }

    /// <summary>Appends one epoch and flushes.</summary>
    public void Add(EpochMetrics e)
    {
        _writer.WriteLine(string.Join(',', new[]
        {
            e.Epoch.ToString(CultureInfo.InvariantCulture), F(e.Cost), F(e.TrainAccuracy), F(e.TestCost), F(e.TestAccuracy),
            F(e.ValidationCost), F(e.ValidationAccuracy), F(e.LearningRate), F(e.Seconds), F(e.SamplesPerSecond),
        }));
        _writer.Flush();
    }

    /// <inheritdoc />
    public void Dispose() => _writer.Dispose();

    private static string F(double? value) => value is { } v ? v.ToString("R", CultureInfo.InvariantCulture) : "";
}
