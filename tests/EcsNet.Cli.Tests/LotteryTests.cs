using System.Text.Json;
using System.Xml.Linq;

namespace EcsNet.Cli.Tests;

/// <summary><c>ecsnet lottery</c>: one JSON line per round, the plot, and bad input refused before work starts.</summary>
public sealed class LotteryTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void PrintsOneJsonLinePerRoundAndWritesThePlot()
    {
        var plot = _temp.File("lottery.svg");
        var run = CliRunner.Run("lottery", "--dataset", "iris", "--layers", "4,10,3", "--rounds", "2", "--rate", "0.5", "--epochs", "3",
            "--optimizer", "sgd", "--lr", "0.5", "--batch", "10", "--control", "random-reinit", "--plot", plot, "--json");
        Assert.True(run.ExitCode == 0, run.ToString());
        var lines = run.OutLines.Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(["start", "round", "round", "round", "summary"], lines.Select(l => l.GetProperty("type").GetString()));

        // 4·10 + 10·3 = 70 synapses; half of each layer goes per round: 40 → 20 → 10 and 30 → 15 → 8 (7.5 rounds to 8 removed, 7 kept).
        int[] synapses = [70, 35, 17];
        for (var r = 0; r < 3; r++)
        {
            var line = lines[r + 1];
            Assert.Equal("type", line.EnumerateObject().First().Name);
            Assert.Equal("round", line.GetProperty("type").GetString());
            Assert.Equal(r, line.GetProperty("round").GetInt32());
            Assert.Equal(synapses[r], line.GetProperty("synapses").GetInt32());
            Assert.Equal(synapses[r] / 70.0, line.GetProperty("remaining").GetDouble(), 12);
            Assert.InRange(line.GetProperty("test_accuracy").GetDouble(), 0, 1);
            Assert.InRange(line.GetProperty("best_test_accuracy").GetDouble(), line.GetProperty("test_accuracy").GetDouble(), 1);
            Assert.True(line.GetProperty("seconds_per_epoch").GetDouble() > 0);
            Assert.Equal(r == 0 ? JsonValueKind.Null : JsonValueKind.Object, line.GetProperty("control").ValueKind);
        }

        var svg = XDocument.Load(plot);
        Assert.Equal("svg", svg.Root!.Name.LocalName);
        Assert.Contains(svg.Descendants(), e => e.Name.LocalName == "polyline");
    }

    [Theory]
    [InlineData("--rate", "1", "--rate 1: must be in (0, 1)")]
    [InlineData("--rounds", "-1", "--rounds -1: must be at least 0")]
    [InlineData("--control", "shuffle", "--control shuffle: unknown control")]
    [InlineData("--epochs", "0", "epoch")]
    public void BadInputIsOneLineAndExitCode2(string option, string value, string message)
    {
        var plot = _temp.File("never.svg");
        var run = CliRunner.Run("lottery", "--dataset", "iris", "--layers", "4,10,3", option, value, "--plot", plot);
        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains(message, Assert.Single(run.ErrLines));
        Assert.False(File.Exists(plot));
    }
}
