namespace EcsNet.Cli.Tests;

/// <summary>Semicolon and tab files are read as the comma file they encode, detected or given with --delimiter.</summary>
public sealed class CsvDelimiterTests
{
    [Theory]
    [InlineData(";", null)]
    [InlineData("\t", null)]
    [InlineData(";", ";")]
    [InlineData("\t", "tab")]
    [InlineData("|", "|")]
    public void AnyDelimiterTrainsExactlyAsTheCommaFile(string separator, string? option)
    {
        using var temp = new TempFolder();
        var comma = temp.Write("comma.csv", Csv.Separable(40));
        var other = temp.Write("other.csv", Csv.Separable(40).Replace(",", separator, StringComparison.Ordinal));
        string[] Args(string path) => ["train", "--data", path, "--epochs", "3", "--json"];

        var expected = CliRunner.Run(Args(comma));
        var run = CliRunner.Run(option is null ? Args(other) : [.. Args(other), "--delimiter", option]);

        Assert.True(run.ExitCode == 0, run.ToString());
        // Same numbers: the summary's cost and accuracy are identical (the time is not).
        Assert.Equal(Summary(expected), Summary(run));
    }

    [Fact]
    public void ABadDelimiterIsOneLine()
    {
        using var temp = new TempFolder();
        var csv = temp.Write("points.csv", Csv.Separable(10));

        var run = CliRunner.Run("train", "--data", csv, "--delimiter", "ab");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("ecsnet: --delimiter 'ab': give one character, such as ';', or 'tab'", Assert.Single(run.ErrLines));
    }

    private static string Summary(CliRun run)
    {
        var summary = System.Text.Json.JsonDocument.Parse(run.OutLines[^1]).RootElement;
        return $"{summary.GetProperty("cost").GetDouble():R} {summary.GetProperty("train_accuracy").GetDouble():R}";
    }
}
