using System.Globalization;
using System.Text.Json;

namespace EcsNet.Cli.Tests;

/// <summary><c>gradcheck -q</c> prints only the verdict, as <c>--quiet</c> does on the other commands.</summary>
public sealed class GradCheckQuietTests
{
    [Theory]
    [InlineData("-q")]
    [InlineData("--quiet")]
    public void QuietPrintsOnlyThePassedLine(string quiet)
    {
        var run = CliRunner.Run("gradcheck", "--layers", "4,5,3", "--samples", "4", quiet);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("PASSED: every relative error is below 0.01", Assert.Single(run.OutLines));
        Assert.Equal("", run.Err);
    }

    [Fact]
    public void QuietFailureNamesTheWorstErrorTheFullCheckFinds()
    {
        // A tolerance no float backprop meets: the one line must carry the worst error the JSON report measures.
        string[] check = ["gradcheck", "--layers", "3,4,2", "--activation", "tanh", "--samples", "3", "--tolerance", "1e-12", "--seed", "5"];
        var full = CliRunner.Run([.. check, "--json"]);
        var quiet = CliRunner.Run([.. check, "-q"]);

        Assert.True(full.ExitCode == 1, full.ToString());
        Assert.True(quiet.ExitCode == 1, quiet.ToString());
        var worst = JsonDocument.Parse(full.OutLines.Single()).RootElement.GetProperty("worst_error").GetDouble();
        Assert.True(worst > 1e-12, full.Out);
        Assert.Equal(
            $"FAILED: relative error {worst.ToString("0.00E+00", CultureInfo.InvariantCulture)} is not below 1E-12",
            Assert.Single(quiet.OutLines));
    }
}
