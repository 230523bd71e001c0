using System.Globalization;
using System.Text.RegularExpressions;

namespace EcsNet.Cli.Tests;

/// <summary>Progress output: a bar with ETA, running cost and rate; every N-th epoch line; a metrics file written live.</summary>
[Collection(AloneCollection.Name)]
public sealed partial class ProgressTests
{
    [Fact]
    public void TheBarShowsTheEpochTheRunningCostTheRateAndAnEta()
    {
        var run = CliRunner.Run("train", "--dataset", "iris", "--epochs", "3", "--verbosity", "bar");

        Assert.True(run.ExitCode == 0, run.ToString());
        var frames = run.Out.Split('\r').Select(f => f.TrimEnd()).Where(f => f.StartsWith("epoch", StringComparison.Ordinal) && f.Contains('[')).ToArray();
        Assert.NotEmpty(frames);
        foreach (var frame in frames)
        {
            var m = Bar().Match(frame);
            Assert.True(m.Success, frame);
            Assert.True(double.Parse(m.Groups["cost"].Value, CultureInfo.InvariantCulture) > 0, frame);
            Assert.True(frame.Length < 80, $"a frame must fit 80 columns: {frame.Length}");
        }

        // The bar is cleared and each epoch ends as its plain line.
        Assert.Equal(3, run.Out.Split('\r', '\n').Count(l => l.StartsWith("epoch", StringComparison.Ordinal) && l.Contains("samples/s") && !l.Contains('[')));
    }

    [Fact]
    public void LogEveryPrintsTheFirstEveryNthAndTheLastEpoch()
    {
        var run = CliRunner.Run("train", "--dataset", "xor", "--epochs", "2000", "--log-every", "500", "--verbosity", "epochs");

        Assert.True(run.ExitCode == 0, run.ToString());
        var epochs = run.OutLines.Where(l => l.StartsWith("epoch", StringComparison.Ordinal))
            .Select(l => int.Parse(l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1].Split('/')[0], CultureInfo.InvariantCulture));
        Assert.Equal([1, 500, 1000, 1500, 2000], epochs);
    }

    [Fact]
    public void ByDefaultXorPrintsAboutFiftyLinesNotTwoThousand()
    {
        var run = CliRunner.Run("train", "--dataset", "xor", "--verbosity", "epochs");

        Assert.True(run.ExitCode == 0, run.ToString());
        // 2,000 epochs: every 50th, plus the first.
        Assert.Equal(41, run.OutLines.Count(l => l.StartsWith("epoch", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task TheMetricsFileGrowsWhileTrainingRuns()
    {
        using var temp = new TempFolder();
        var metrics = temp.File("metrics.csv");
        var training = Task.Run(() => CliRunner.Run("--epochs", "4", "--quiet", "--metrics", metrics));
        var seenWhileRunning = new HashSet<int>();
        while (!training.IsCompleted)
        {
            try
            {
                using var reader = new StreamReader(new FileStream(metrics, FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
                var rows = reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries).Length - 1;
                if (!training.IsCompleted)
                {
                    seenWhileRunning.Add(rows);
                }
            }
            catch (IOException)
            {
                // Not created yet.
            }

            // A blocking wait, not Task.Delay: a continuation can wait long on a busy thread pool and miss the rows.
            Thread.Sleep(5);
        }

        var result = await training;
        Assert.True(result.ExitCode == 0, result.ToString());
        // Rows appeared one epoch at a time, not all at the end.
        Assert.Contains(seenWhileRunning, rows => rows is >= 1 and <= 3);
        Assert.Equal(5, File.ReadAllLines(metrics).Length);
    }

    [GeneratedRegex(@"^epoch \d/3 \[[#.]+\] +\d+%  cost (?<cost>[0-9.e+-]+)  [\d,]+ samples/s  ETA \d+:\d\d \(run \d+:\d\d\)$")]
    private static partial Regex Bar();
}
