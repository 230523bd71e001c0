using System.Globalization;
using System.Text.Json;

namespace EcsNet.Cli.Tests;

/// <summary>The figures train reports are the ones its own epochs and an independent recount give.</summary>
public sealed class HonestFiguresTests
{
    [Fact]
    public void SummarySamplesPerSecondIsTotalSamplesOverTotalTime()
    {
        var run = CliRunner.Run("train", "--dataset", "iris", "--epochs", "20", "--json");

        Assert.True(run.ExitCode == 0, run.ToString());
        var lines = run.OutLines.Select(l => JsonDocument.Parse(l).RootElement).ToArray();
        var epochs = lines.Where(l => l.GetProperty("type").GetString() == "epoch").ToArray();
        Assert.Equal(20, epochs.Length);
        // Each epoch trains the 100 training rows of iris (150 less the held-out third); rate × time recovers them.
        Assert.All(epochs, e => Assert.Equal(100, e.GetProperty("samples_per_second").GetDouble() * e.GetProperty("seconds").GetDouble(), 6));
        var seconds = epochs.Sum(e => e.GetProperty("seconds").GetDouble());
        var summary = lines[^1];
        Assert.Equal("summary", summary.GetProperty("type").GetString());
        Assert.Equal(2000, summary.GetProperty("samples").GetInt64());
        Assert.Equal(seconds, summary.GetProperty("seconds").GetDouble(), 9);
        Assert.Equal(2000 / seconds, summary.GetProperty("samples_per_second").GetDouble(), 6);
    }

    [Fact]
    public void TextSummarySamplesPerSecondAgreesWithItsOwnTime()
    {
        var run = CliRunner.Run("train", "--dataset", "iris", "--epochs", "20", "--verbosity", "epochs");

        Assert.True(run.ExitCode == 0, run.ToString());
        // The epoch lines give each epoch's time to 0.01 s; their sum and 2,000 samples bound the summary's rate.
        var rows = run.OutLines.Where(l => l.StartsWith("epoch", StringComparison.Ordinal)).ToArray();
        Assert.Equal(20, rows.Length);
        var rate = double.Parse(Row(run, "samples/s").Replace(",", "", StringComparison.Ordinal), CultureInfo.InvariantCulture);
        var times = rows.Select(r => double.Parse(r.Split("  ")[^2].TrimEnd('s').Trim(), CultureInfo.InvariantCulture)).ToArray();
        double low = times.Sum() - 0.005 * 20, high = times.Sum() + 0.005 * 20;
        Assert.InRange(rate, 2000 / high, low > 0 ? 2000 / low : double.MaxValue);
    }

    [Fact]
    public void QuietPrintsOnlyTheSummary()
    {
        var run = CliRunner.Run("train", "--dataset", "xor", "--quiet");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.DoesNotContain("training 2-3-1", run.Out);
        Assert.DoesNotContain("epoch ", run.Out);
        Assert.Contains("summary", run.OutLines[0]);
        Assert.Contains("100.00% (4/4)", run.Out);
    }

    [Fact]
    public void EarlyStoppingNamesTheStopAndTheBestEpochWhoseWeightsItRestored()
    {
        using var temp = new TempFolder();
        var model = temp.File("final.json");
        var run = CliRunner.Run("train", "--dataset", "iris", "--validation", "0.3", "--early-stop", "3", "--epochs", "2000",
            "--lr", "3", "--json", "--save", model);

        Assert.True(run.ExitCode == 0, run.ToString());
        var lines = run.OutLines.Select(l => JsonDocument.Parse(l).RootElement).ToArray();
        var epochs = lines.Where(l => l.GetProperty("type").GetString() == "epoch").ToArray();
        var summary = lines[^1];
        Assert.Equal("early_stopping", summary.GetProperty("stop_reason").GetString());
        // The best epoch is the one with the lowest validation cost, recounted from the epoch lines.
        var best = epochs.OrderBy(e => e.GetProperty("validation_cost").GetDouble()).First().GetProperty("epoch").GetInt32();
        Assert.Equal(best, summary.GetProperty("best_epoch").GetInt32());
        Assert.Equal(best + 3, epochs.Length);
        var message = summary.GetProperty("message").GetString()!;
        Assert.Contains($"early stopping at epoch {best + 3}", message);
        Assert.Contains($"restored the best weights, from epoch {best}", message);
        Assert.Contains("3 epochs", message);
    }

    [Fact]
    public void TheWordsAreEarlyStoppingNotAnEnumName()
    {
        var run = CliRunner.Run("train", "--dataset", "iris", "--validation", "0.3", "--early-stop", "1", "--epochs", "2000", "--lr", "3", "--quiet");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("early stopping", run.Out);
        Assert.DoesNotContain("earlystopping", run.Out, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("(weights restored)", run.Out);
    }

    [Fact]
    public void ABatchLargerThanTheDataIsClampedWithANote()
    {
        using var temp = new TempFolder();
        var csv = temp.Write("two.csv", "x,y,class\n0,1,a\n1,0,b\n");

        var run = CliRunner.Run("train", "--data", csv, "--batch", "10", "--epochs", "3", "--quiet");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("ecsnet: note: --batch 10 is larger than the 2 training samples: training full batch (2)", Assert.Single(run.ErrLines));
    }

    [Fact]
    public void RegressionReportsMseMaeAndR2AsARecountFromPredictGives()
    {
        using var temp = new TempFolder();
        var rows = Enumerable.Range(0, 40).Select(i => (x: i / 40.0, y: 0.2 + 0.5 * (i / 40.0))).ToArray();
        var csv = temp.Write("line.csv", "x,y\n" + string.Concat(rows.Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.x},{r.y}\n"))));
        var model = temp.File("line.json");

        var run = CliRunner.Run("train", "--data", csv, "--target", "y", "--layers", "1,4,1", "--epochs", "30", "--json", "--save", model);

        Assert.True(run.ExitCode == 0, run.ToString());
        var summary = JsonDocument.Parse(run.OutLines[^1]).RootElement;
        Assert.Equal(JsonValueKind.Null, summary.GetProperty("train_accuracy").ValueKind);
        var predict = CliRunner.Run("predict", "--model", model, "--data", csv, "--target", "y", "--json");
        Assert.True(predict.ExitCode == 0, predict.ToString());
        var outputs = predict.OutLines.Select(l => JsonDocument.Parse(l).RootElement).Where(l => l.TryGetProperty("outputs", out _))
            .Select(l => l.GetProperty("outputs")[0].GetDouble()).ToArray();
        Assert.Equal(rows.Length, outputs.Length);
        var targets = rows.Select(r => (double)(float)r.y).ToArray();
        var mean = targets.Average();
        var mse = outputs.Zip(targets, (a, y) => (a - y) * (a - y)).Average();
        var mae = outputs.Zip(targets, (a, y) => Math.Abs(a - y)).Average();
        var r2 = 1 - outputs.Zip(targets, (a, y) => (a - y) * (a - y)).Sum() / targets.Sum(y => (y - mean) * (y - mean));
        Assert.Equal(mse, summary.GetProperty("train_mse").GetDouble(), 6);
        Assert.Equal(mae, summary.GetProperty("train_mae").GetDouble(), 6);
        Assert.Equal(r2, summary.GetProperty("train_r2").GetDouble(), 5);

        var text = CliRunner.Run("train", "--data", csv, "--target", "y", "--layers", "1,4,1", "--epochs", "30", "--quiet");
        Assert.Contains("training MSE", text.Out);
        Assert.Contains("training R²", text.Out);
        Assert.DoesNotContain("accuracy", text.Out);
    }

    [Fact]
    public void ClassificationReportsTheConfusionMatrixAndPerClassFiguresThatPredictRecounts()
    {
        using var temp = new TempFolder();
        var csv = temp.Write("points.csv", Csv.Separable(120));
        var model = temp.File("points.json");

        var run = CliRunner.Run("train", "--data", csv, "--epochs", "2", "--lr", "0.5", "--json", "--save", model);

        Assert.True(run.ExitCode == 0, run.ToString());
        var summary = JsonDocument.Parse(run.OutLines[^1]).RootElement;
        var predict = CliRunner.Run("predict", "--model", model, "--data", csv, "--json");
        var samples = predict.OutLines.Select(l => JsonDocument.Parse(l).RootElement).Where(l => l.TryGetProperty("predicted", out _)).ToArray();
        var confusion = new int[2, 2];
        foreach (var s in samples)
        {
            confusion[s.GetProperty("actual").GetInt32(), s.GetProperty("predicted").GetInt32()]++;
        }

        var rows = summary.GetProperty("confusion");
        for (var t = 0; t < 2; t++)
        {
            for (var p = 0; p < 2; p++)
            {
                Assert.Equal(confusion[t, p], rows[t][p].GetInt32());
            }
        }

        foreach (var c in summary.GetProperty("classes").EnumerateArray())
        {
            var k = c.GetProperty("class").GetInt32();
            double tp = confusion[k, k], predicted = confusion[0, k] + confusion[1, k], actual = confusion[k, 0] + confusion[k, 1];
            var precision = predicted == 0 ? 0 : tp / predicted;
            var recall = actual == 0 ? 0 : tp / actual;
            Assert.Equal(precision, c.GetProperty("precision").GetDouble(), 12);
            Assert.Equal(recall, c.GetProperty("recall").GetDouble(), 12);
            Assert.Equal(precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall), c.GetProperty("f1").GetDouble(), 12);
            Assert.Equal((int)actual, c.GetProperty("support").GetInt32());
        }

        var text = CliRunner.Run("train", "--data", csv, "--epochs", "2", "--lr", "0.5", "--verbosity", "epochs");
        Assert.Contains("confusion matrix, train set", text.Out);
        Assert.Contains("precision", text.Out);
    }

    [Fact]
    public void SmallCostsArePrintedInScientificNotation()
    {
        var run = CliRunner.Run("train", "--dataset", "xor", "--quiet");

        Assert.True(run.ExitCode == 0, run.ToString());
        var cost = Row(run, "training cost");
        Assert.Matches(@"^\d\.\d{3}e-0\d$", cost);
    }

    private static string Row(CliRun run, string name)
        => run.OutLines.Single(l => l.Contains($"│ {name} ", StringComparison.Ordinal)).Split('│', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[1];
}
