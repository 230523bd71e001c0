using System.Globalization;
using System.Text.Json;
using System.Xml.Linq;

namespace EcsNet.Cli.Tests;

/// <summary>One vocabulary: JSON lines with a leading type, the same option names and values in every command.</summary>
public sealed class VocabularyTests
{
    [Fact]
    public void PredictInspectAndBenchWriteTypedJsonLines()
    {
        using var temp = new TempFolder();
        var model = temp.File("xor.json");
        Assert.Equal(0, CliRunner.Run("train", "--dataset", "xor", "--epochs", "5", "--save", model, "--quiet").ExitCode);

        foreach (var (args, types) in new (string[], string[])[]
                 {
                     (["predict", "--model", model, "--dataset", "xor", "--json"], ["prediction", "summary"]),
                     (["inspect", "--model", model, "--json"], ["inspection"]),
                     (["bench", "--layers", "2,3,1", "--batch", "1", "--seconds", "0.01", "--json"], ["bench"]),
                 })
        {
            var run = CliRunner.Run(args);
            Assert.True(run.ExitCode == 0, run.ToString());
            var lines = run.OutLines.Select(l => JsonDocument.Parse(l).RootElement).ToArray();
            Assert.All(lines, l => Assert.Equal("type", l.EnumerateObject().First().Name));
            Assert.Equal(types.Order(), lines.Select(l => l.GetProperty("type").GetString()!).Distinct().Order());
        }
    }

    [Fact]
    public void AnErrorUnderJsonIsAlsoAJsonLineOnStdout()
    {
        var run = CliRunner.Run("train", "--dataset", "xor", "--lr", "-1", "--json");

        Assert.Equal(2, run.ExitCode);
        var line = JsonDocument.Parse(Assert.Single(run.OutLines)).RootElement;
        Assert.Equal("error", line.GetProperty("type").GetString());
        Assert.Equal(2, line.GetProperty("exit_code").GetInt32());
        Assert.Equal(Assert.Single(run.ErrLines), "ecsnet: " + line.GetProperty("message").GetString());
    }

    [Fact]
    public void EveryErrorHasTheSamePrefix()
    {
        foreach (var args in new[] { new[] { "train", "--bogus" }, ["train", "--lr", "0"], ["predict", "--model", "nope.json", "--dataset", "xor"] })
        {
            Assert.StartsWith("ecsnet: ", Assert.Single(CliRunner.Run(args).ErrLines));
        }
    }

    [Theory]
    [InlineData("predict")]
    [InlineData("inspect")]
    public void QuietIsAcceptedAndShortens(string command)
    {
        using var temp = new TempFolder();
        var model = temp.File("xor.json");
        Assert.Equal(0, CliRunner.Run("train", "--dataset", "xor", "--epochs", "5", "--save", model, "--quiet").ExitCode);

        var full = CliRunner.Run(command, "--model", model, "--dataset", "xor");
        var quiet = CliRunner.Run(command, "-q", "--model", model, "--dataset", "xor");

        Assert.True(quiet.ExitCode == 0, quiet.ToString());
        Assert.True(quiet.OutLines.Length < full.OutLines.Length, quiet.ToString());
        Assert.Equal(full.OutLines[^1], quiet.OutLines[^1]);
    }

    [Fact]
    public void BenchAcceptsQuiet()
    {
        var run = CliRunner.Run("bench", "-q", "--layers", "2,3,1", "--batch", "1", "--seconds", "0.01");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.DoesNotContain("A quick look", run.Out);
    }

    [Fact]
    public void TheTwoDimensionalSetsHaveTheSameNamesInTrainAndPlayground()
    {
        foreach (var command in new[] { "train", "playground" })
        {
            var run = CliRunner.Run(command, "--dataset", "gaussian", "--epochs", "1");
            Assert.Equal(2, run.ExitCode);
            // System.CommandLine's accepted-values list: the same error and the same names for both.
            Assert.Contains("'gaussian'", run.Err);
            Assert.Contains("gauss", run.Err);
            Assert.Contains("xor2d", run.Err);
        }

        Assert.Equal(2, CliRunner.Run("playground", "--dataset", "xor", "--frames", "1").ExitCode);
        Assert.Equal(0, CliRunner.Run("playground", "--dataset", "xor2d", "--test-fraction", "0.25", "--epochs", "5", "--every", "5", "--quiet").ExitCode);
    }

    [Fact]
    public void TheMainJobTakesPlotAndMetrics()
    {
        using var temp = new TempFolder();
        var plot = temp.File("curves.svg");
        var metrics = temp.File("metrics.csv");

        var run = CliRunner.Run("--epochs", "2", "--quiet", "--plot", plot, "--metrics", metrics);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(3, File.ReadAllLines(metrics).Length);
        Assert.NotNull(XDocument.Load(plot).Root);
    }

    [Fact]
    public void HelpListsEachDataSetsDefaultsFromTheSamePresetsTrainingUses()
    {
        var help = CliRunner.Run("train", "--help").Out;

        Assert.Contains("xor/and/or/nand/xnor: 2-3-1 sigmoid, quadratic, η 2, incremental (batch 1), 2000 epochs", help);
        Assert.Contains("mnist: 784-30-10 sigmoid, quadratic, η 3, batch 10, 30 epochs", help);
        // And the run uses them.
        Assert.Contains("sgd η = 2, incremental, 2,000 epochs", CliRunner.Run("train", "--dataset", "xor", "--epochs", "2000", "--verbosity", "epochs").OutLines[0]);
    }

    [Fact]
    public void SvgPlotsHaveRoundTicksAndNoByteOrderMark()
    {
        using var temp = new TempFolder();
        var plot = temp.File("curves.svg");

        var run = CliRunner.Run("train", "--dataset", "iris", "--epochs", "37", "--quiet", "--plot", plot);

        Assert.True(run.ExitCode == 0, run.ToString());
        var bytes = File.ReadAllBytes(plot);
        Assert.Equal((byte)'<', bytes[0]);
        XNamespace ns = "http://www.w3.org/2000/svg";
        var svg = XDocument.Load(plot).Root!;
        var cost = svg.Descendants(ns + "g").Single(g => (string?)g.Attribute("class") == "cost");
        var ys = cost.Descendants(ns + "text").Where(t => (string?)t.Attribute("class") == "y-tick").Select(t => double.Parse(t.Value, CultureInfo.InvariantCulture)).ToArray();
        Assert.True(ys.Length >= 3, string.Join(' ', ys));
        var step = ys[1] - ys[0];
        Assert.All(ys.Zip(ys.Skip(1)), p => Assert.Equal(step, p.Second - p.First, 12));
        var mantissa = step / Math.Pow(10, Math.Floor(Math.Log10(step)));
        Assert.Contains(Math.Round(mantissa, 9), new[] { 1.0, 2.0, 5.0 });
        var xs = cost.Descendants(ns + "text").Where(t => (string?)t.Attribute("class") == "x-tick").Select(t => int.Parse(t.Value, CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal([1, 10, 20, 30], xs);
    }
}
