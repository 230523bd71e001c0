using System.Text.Json;
using System.Text.RegularExpressions;
using EcsNet.ActivationFunctions;
using EcsNet.Training;

namespace EcsNet.Cli.Tests;

/// <summary><c>prune --json</c> and <c>lottery --json</c> follow the one JSON-lines schema of docs/cli/json.md.</summary>
public sealed partial class PruneLotteryJsonTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [GeneratedRegex("^[a-z][a-z0-9]*(_[a-z0-9]+)*$")]
    private static partial Regex SnakeCase();

    private static JsonElement[] Lines(params string[] args)
    {
        var run = CliRunner.Run(args);
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("", run.Err);
        return [.. run.OutLines.Select(l => JsonDocument.Parse(l).RootElement)];
    }

    /// <summary>"type" first, then exactly <paramref name="fields"/>, every name (nested ones too) in snake_case.</summary>
    private static void AssertShape(JsonElement line, string type, params string[] fields)
    {
        var names = line.EnumerateObject().Select(p => p.Name).ToArray();
        Assert.Equal("type", names[0]);
        Assert.Equal(type, line.GetProperty("type").GetString());
        Assert.Equal(fields.Order(), names.Skip(1).Order());
        AssertSnakeCase(line);
    }

    private static void AssertSnakeCase(JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var p in element.EnumerateObject())
            {
                Assert.Matches(SnakeCase(), p.Name);
                AssertSnakeCase(p.Value);
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                AssertSnakeCase(item);
            }
        }
    }

    [Fact]
    public void PruneLinesAreLayersThenASummary()
    {
        // 3-4-2: 12 synapses into layer 1, 8 into layer 2; a quarter of each layer goes (3 and 2).
        using (var network = new NetworkBuilder().Input(3).Dense(4, ActivationFunction.Sigmoid).Dense(2, ActivationFunction.Sigmoid).Build(Initializer.Gaussian, seed: 2))
        {
            NetworkModel.Save(network, _temp.File("m.json"));
        }

        var lines = Lines("prune", "--model", _temp.File("m.json"), "--fraction", "0.25", "--scope", "layer", "--save", _temp.File("p.json"), "--json");

        Assert.Equal(3, lines.Length);
        int[] before = [12, 8], after = [9, 6];
        for (var l = 1; l <= 2; l++)
        {
            var line = lines[l - 1];
            AssertShape(line, "layer", "layer", "synapses_before", "synapses", "removed", "remaining");
            Assert.Equal(l, line.GetProperty("layer").GetInt32());
            Assert.Equal(before[l - 1], line.GetProperty("synapses_before").GetInt32());
            Assert.Equal(after[l - 1], line.GetProperty("synapses").GetInt32());
            Assert.Equal(before[l - 1] - after[l - 1], line.GetProperty("removed").GetInt32());
            Assert.Equal(0.75, line.GetProperty("remaining").GetDouble(), 12);
        }

        var summary = lines[2];
        AssertShape(summary, "summary", "model", "saved", "fraction", "by", "scope", "synapses_before", "synapses", "removed", "remaining");
        Assert.Equal(20, summary.GetProperty("synapses_before").GetInt32());
        Assert.Equal(15, summary.GetProperty("synapses").GetInt32());
        Assert.Equal(5, summary.GetProperty("removed").GetInt32());
        Assert.Equal(0.75, summary.GetProperty("remaining").GetDouble(), 12);
        Assert.Equal("magnitude", summary.GetProperty("by").GetString());
        Assert.Equal("layer", summary.GetProperty("scope").GetString());
        // The saved model really has the counted synapses.
        using var pruned = NetworkModel.Load(_temp.File("p.json"));
        Assert.Equal(15, pruned.SynapseCount);
    }

    [Fact]
    public void LotteryLinesAreStartRoundsAndASummaryWithTheSharedNames()
    {
        var lines = Lines("lottery", "--dataset", "iris", "--layers", "4,10,3", "--rounds", "2", "--rate", "0.5", "--epochs", "3",
            "--optimizer", "sgd", "--lr", "0.5", "--batch", "10", "--seed", "3", "--json");

        Assert.Equal(5, lines.Length);
        var start = lines[0];
        AssertShape(start, "start", "command", "data", "network", "cost_function", "synapses", "optimizer", "learning_rate", "batch", "epochs", "seed",
            "train_samples", "test_samples", "rounds", "rate", "scope", "control");
        Assert.Equal("lottery", start.GetProperty("command").GetString());
        Assert.Equal(70, start.GetProperty("synapses").GetInt32()); // 4·10 + 10·3
        Assert.Equal(150, start.GetProperty("train_samples").GetInt32() + start.GetProperty("test_samples").GetInt32());
        Assert.Equal(0.5, start.GetProperty("learning_rate").GetDouble());
        Assert.Equal(3, start.GetProperty("epochs").GetInt32());
        Assert.Equal("none", start.GetProperty("control").GetString());

        var rounds = lines[1..4];
        foreach (var round in rounds)
        {
            AssertShape(round, "round", "round", "synapses", "remaining", "best_test_accuracy", "test_accuracy", "seconds_per_epoch", "control");
            Assert.Equal(JsonValueKind.Null, round.GetProperty("control").ValueKind);
        }

        var summary = lines[^1];
        AssertShape(summary, "summary", "rounds", "synapses", "remaining", "test_accuracy", "best_round", "best_test_accuracy", "seconds", "plot");
        var last = rounds[^1];
        Assert.Equal(2, summary.GetProperty("rounds").GetInt32());
        Assert.Equal(2, last.GetProperty("round").GetInt32());
        Assert.Equal(last.GetProperty("synapses").GetInt32(), summary.GetProperty("synapses").GetInt32());
        Assert.Equal(last.GetProperty("test_accuracy").GetDouble(), summary.GetProperty("test_accuracy").GetDouble());
        var best = rounds.MaxBy(r => r.GetProperty("best_test_accuracy").GetDouble());
        Assert.Equal(best.GetProperty("best_test_accuracy").GetDouble(), summary.GetProperty("best_test_accuracy").GetDouble());
        // The whole experiment takes at least the training time of its rounds (3 epochs each).
        var training = rounds.Sum(r => 3 * r.GetProperty("seconds_per_epoch").GetDouble());
        Assert.True(summary.GetProperty("seconds").GetDouble() >= training, summary.ToString());
        Assert.Equal(JsonValueKind.Null, summary.GetProperty("plot").ValueKind);
    }
}
