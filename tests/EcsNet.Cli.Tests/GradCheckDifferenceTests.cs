using System.Text.Json;

namespace EcsNet.Cli.Tests;

/// <summary><c>gradcheck --difference one-sided|central</c> reports its passes and its time against one backpropagation.</summary>
public sealed class GradCheckDifferenceTests
{
    [Theory]
    [InlineData("central", 2 * 43 * 4)]
    [InlineData("one-sided", (43 + 1) * 4)]
    public void TheEstimateReportsItsForwardPasses(string difference, long passes)
    {
        // 4-5-3: 20 + 15 weights and 5 + 3 biases = 43 parameters, 4 samples.
        var run = CliRunner.Run("gradcheck", "--layers", "4,5,3", "--samples", "4", "--difference", difference, "--json");

        Assert.True(run.ExitCode == 0, run.ToString());
        var line = JsonDocument.Parse(run.OutLines.Single()).RootElement;
        Assert.Equal("check", line.GetProperty("type").GetString());
        Assert.Equal(43, line.GetProperty("parameters").GetInt32());
        Assert.Equal(passes, line.GetProperty("forward_passes").GetInt64());
        Assert.True(line.GetProperty("estimate_seconds").GetDouble() > 0);
        Assert.True(line.GetProperty("backprop_seconds").GetDouble() > 0);
    }

    [Fact]
    public void TheTextViewStatesTheComparison()
    {
        var run = CliRunner.Run("gradcheck", "--layers", "2,3,1", "--samples", "2");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("central differences took 52 forward passes", run.Out, StringComparison.Ordinal); // 2 · 13 · 2
        Assert.Contains("backpropagation gave every gradient", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnknownEstimatorIsAOneLineError()
    {
        var run = CliRunner.Run("gradcheck", "--difference", "backward");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--difference", run.Err, StringComparison.Ordinal);
    }
}
