using System.Text.RegularExpressions;

namespace EcsNet.Cli.Tests;

public sealed partial class MainJobTests
{
    [Fact]
    public void OneEpochOfTheMainJobReportsAccuracyAndAFullConfusionMatrix()
    {
        var run = CliRunner.Run("--epochs", "1");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("training 784-30-10 sigmoid on mnist-10k (8000 training / 2000 test samples)", run.Out);
        Assert.Matches(@"epoch 1/1\s+cost \d\.\d{4}\s+train \d+\.\d\d%\s+test \d+\.\d\d%", run.Out);
        var accuracy = AccuracyRow().Match(run.Out);
        Assert.True(accuracy.Success, run.Out);
        Assert.True(double.Parse(accuracy.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) > 60, run.Out);

        // Ten rows "│ d │ … │ total │": the row totals are the 2,000 test digits.
        var rows = run.OutLines.Where(l => ConfusionRow().IsMatch(l)).ToArray();
        Assert.Equal(10, rows.Length);
        var cells = rows.Select(r => r.Split('│', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(int.Parse).ToArray()).ToArray();
        Assert.All(cells, c => Assert.Equal(12, c.Length));
        Assert.Equal(2000, cells.Sum(c => c[^1]));
        Assert.Equal(2000, cells.Sum(c => c[1..^1].Sum()));
        Assert.Contains("misclassified", run.Out);
        Assert.Equal("", run.Err);
    }

    [GeneratedRegex(@"test accuracy\s+│\s+(\d+\.\d\d)% \(\d+/2000\)")]
    private static partial Regex AccuracyRow();

    [GeneratedRegex(@"^│ \d\s+│(\s+\d+\s+│){11}$")]
    private static partial Regex ConfusionRow();
}
