using System.Text.Json;
using System.Xml.Linq;

namespace EcsNet.Cli.Tests;

/// <summary>The happy paths of gates, playground, predict, gradcheck, inspect and bench, and --help.</summary>
public sealed class CommandTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    [Fact]
    public void GatesPrintTheDecksWeightsAndTruthTables()
    {
        var run = CliRunner.Run("gates");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("AND: a = g(-30 + 20x1 + 20x2)", run.Out);
        Assert.Contains("OR: a = g(-10 + 20x1 + 20x2)", run.Out);
        Assert.Contains("NAND: a = g(30 - 20x1 - 20x2)", run.Out);
        Assert.Contains("(NOT x1) AND (NOT x2): a = g(10 - 20x1 - 20x2)", run.Out);
        // XNOR rows: x1, x2, a1 (AND), a2 (NOR), f, output — the deck's table 1, 0, 0, 1.
        var xnor = run.OutLines.SkipWhile(l => !l.Contains("a1 (AND)")).Where(l => l.StartsWith("│ 0 ") || l.StartsWith("│ 1 ")).ToArray();
        Assert.Equal(["1", "0", "0", "1"], xnor.Select(l => l.Split('│', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[^1]));
    }

    [Fact]
    public void PlaygroundRendersTwoFramesAndWritesAnSvg()
    {
        using var temp = new TempFolder();
        var svg = temp.File("playground.svg");

        var run = CliRunner.Run("playground", "--dataset", "circle", "--frames", "2", "--every", "5", "--svg", svg);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("frame 1", run.Out);
        Assert.Contains("frame 2", run.Out);
        Assert.DoesNotContain("frame 3", run.Out);
        Assert.Matches(@"epoch 10\s+training cost \d\.\d{4}\s+test cost \d\.\d{4}", run.Out);
        Assert.Equal(2, run.OutLines.Count(l => l.StartsWith('┌')));
        var root = XDocument.Load(svg).Root!;
        Assert.Equal(Svg + "svg", root.Name);
        Assert.True(root.Descendants(Svg + "rect").Count() >= 120, "the heat map, at least one run per row");
        Assert.Equal(400, root.Descendants(Svg + "circle").Count());
    }

    [Fact]
    public void PlaygroundJsonGivesOneObjectPerFrame()
    {
        var run = CliRunner.Run("playground", "--dataset", "xor2d", "--frames", "3", "--every", "2", "--json");

        Assert.True(run.ExitCode == 0, run.ToString());
        var frames = run.OutLines.Select(l => JsonDocument.Parse(l).RootElement).ToArray();
        Assert.Equal([2, 4, 6], frames.Select(f => f.GetProperty("epoch").GetInt32()));
        Assert.All(frames, f => Assert.True(f.GetProperty("test_cost").GetDouble() >= 0));
    }

    [Fact]
    public void PredictPrintsEverySampleAndTheAccuracy()
    {
        using var temp = new TempFolder();
        var model = temp.File("and.json");
        Assert.Equal(0, CliRunner.Run("train", "--dataset", "and", "--save", model, "--quiet").ExitCode);

        var run = CliRunner.Run("predict", "--model", model, "--dataset", "and");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(5, run.OutLines.Length);
        Assert.StartsWith("accuracy 100.00% (4/4)", run.OutLines[^1]);
    }

    [Fact]
    public void GradCheckPassesOnARandomNetworkAndOnAModelFile()
    {
        var run = CliRunner.Run("gradcheck", "--layers", "3,5,4", "--activation", "tanh,softmax", "--cost", "cross-entropy", "--json");
        Assert.True(run.ExitCode == 0, run.ToString());
        var report = JsonDocument.Parse(run.Out).RootElement;
        Assert.True(report.GetProperty("passed").GetBoolean());
        Assert.Equal(2, report.GetProperty("layers").GetArrayLength());
        Assert.True(report.GetProperty("worst_error").GetDouble() < 1e-2);

        var model = CliRunner.Run("gradcheck", "--model", Path.Combine(AppContext.BaseDirectory, "mazur-2-2-2.json"));
        Assert.True(model.ExitCode == 0, model.ToString());
        Assert.Contains("PASSED", model.Out);
    }

    [Theory]
    [InlineData("train")]
    [InlineData("predict")]
    [InlineData("trace")]
    [InlineData("gates")]
    [InlineData("playground")]
    [InlineData("inspect")]
    [InlineData("gradcheck")]
    [InlineData("bench")]
    public void EveryCommandHasHelpWithAnExample(string command)
    {
        var run = CliRunner.Run(command, "--help");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("Example", run.Out);
        Assert.Contains($"ecsnet {command}", run.Out);
    }

    [Fact]
    public void RootHelpListsTheCommands()
    {
        var run = CliRunner.Run("--help");

        Assert.True(run.ExitCode == 0, run.ToString());
        foreach (var command in new[] { "train", "predict", "trace", "gates", "playground", "inspect", "gradcheck", "bench" })
        {
            Assert.Contains(command, run.Out);
        }
    }
}

public sealed class DiagnosticsCommandTests
{
    [Fact]
    public void GatesTrainLearnsAndOrNandAndFailsOnXor()
    {
        var run = CliRunner.Run("gates", "--train");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Matches(@"AND: converged after \d+ epochs", run.Out);
        Assert.Matches(@"OR: converged after \d+ epochs", run.Out);
        Assert.Matches(@"NAND: converged after \d+ epochs", run.Out);
        Assert.Contains("XOR: did NOT converge in 100 epochs", run.Out);
        Assert.Contains("linearly separable", run.Out);
    }

    [Fact]
    public void InspectCountsEntitiesAndFindsNoSaturationOnAFreshModel()
    {
        var model = Path.Combine(AppContext.BaseDirectory, "mazur-2-2-2.json");

        var run = CliRunner.Run("inspect", "--model", model, "--dataset", "xnor", "--json");

        // The 2-2-2 model does not fit the 1-output gate: a usage error, not a crash.
        Assert.Equal(2, run.ExitCode);

        using var temp = new TempFolder();
        var iris = temp.File("iris.json");
        Assert.Equal(0, CliRunner.Run("train", "--dataset", "iris", "--epochs", "5", "--save", iris, "--quiet").ExitCode);
        run = CliRunner.Run("inspect", "--model", iris, "--dataset", "iris", "--json");
        Assert.True(run.ExitCode == 0, run.ToString());
        var report = System.Text.Json.JsonDocument.Parse(run.Out).RootElement;
        var entities = report.GetProperty("entities");
        Assert.Equal(56, entities.GetProperty("synapses").GetInt32());
        Assert.Equal(3 + 15 + 56, entities.GetProperty("total").GetInt32());
        Assert.Equal(50, report.GetProperty("samples").GetInt32());
        Assert.All(report.GetProperty("layers").EnumerateArray(), l => Assert.True(l.GetProperty("weight_gradient_norm").GetDouble() > 0));

        var text = CliRunner.Run("inspect", "--model", iris);
        Assert.True(text.ExitCode == 0, text.ToString());
        Assert.Contains("hidden neurons", text.Out);
        Assert.Contains("‖∂C/∂w‖", text.Out);
    }
}

public sealed class BenchCommandTests
{
    [Fact]
    public void BenchTimesForwardAndTrainingSteps()
    {
        var run = CliRunner.Run("bench", "--layers", "20,10,3", "--batch", "8", "--seconds", "0.05", "--json");

        Assert.True(run.ExitCode == 0, run.ToString());
        var rows = run.OutLines.Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement).ToArray();
        Assert.Equal(["forward", "train step"], rows.Select(r => r.GetProperty("pass").GetString()));
        Assert.All(rows, r => Assert.True(r.GetProperty("samples_per_second").GetDouble() > 0));
        Assert.All(rows, r => Assert.Equal(230, r.GetProperty("synapses").GetInt32()));
    }

    [Fact]
    public void BenchTimesTheThreeLayoutsOnTheSameNetwork()
    {
        var run = CliRunner.Run("bench", "--layers", "784,100,10", "--batch", "32", "--seconds", "0.1", "--json");

        Assert.True(run.ExitCode == 0, run.ToString());
        var step = run.OutLines.Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement)
            .Single(r => r.GetProperty("pass").GetString() == "train step");
        var layouts = step.GetProperty("layouts").EnumerateArray().ToDictionary(l => l.GetProperty("layout").GetString()!);
        Assert.Equal(["ecs", "dense", "object-graph"], layouts.Keys);
        foreach (var layout in layouts.Values)
        {
            foreach (var field in new[] { "ns_per_synapse_sample", "samples_per_second", "time_vs_dense" })
            {
                var value = layout.GetProperty(field).GetDouble();
                Assert.True(double.IsFinite(value) && value > 0, $"{field} = {value} in {layout}");
            }
        }

        Assert.Equal(1.0, layouts["dense"].GetProperty("time_vs_dense").GetDouble());
        Assert.Equal(step.GetProperty("samples_per_second").GetDouble(), layouts["ecs"].GetProperty("samples_per_second").GetDouble());

        // 79,400 scalar synapse visits per sample chasing references against AVX-512 tiles: the object graph is far
        // slower, even on a busy machine (measured ≈ 10-100× on 2 cores). Without AVX-512 the dense kernels run
        // emulated and the comparison means nothing.
        if (System.Runtime.Intrinsics.Vector512.IsHardwareAccelerated)
        {
            Assert.True(
                layouts["object-graph"].GetProperty("time_vs_dense").GetDouble() > 2,
                $"object graph not slower than dense: {layouts["object-graph"]}");
        }

        var text = CliRunner.Run("bench", "--layers", "20,10,3", "--batch", "4", "--seconds", "0.02");
        Assert.True(text.ExitCode == 0, text.ToString());
        Assert.Contains("dense", text.Out);
        Assert.Contains("object-graph", text.Out);
        Assert.Contains("BenchmarkDotNet", text.Out);
    }
}
