using System.Text.Json;
using EcsNet.ActivationFunctions;
using EcsNet.Persistence;
using EcsNet.Training;

namespace EcsNet.Cli.Tests;

/// <summary><c>ecsnet prune</c>: exactly the chosen synapses go, the sparse model trains on, bad input writes nothing.</summary>
public sealed class PruneTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    /// <summary>A 6-5-4-3 network with skip synapses 0 → 3, saved as a model file.</summary>
    private string Model(string name = "m.json")
    {
        var builder = new NetworkBuilder().Input(6).Dense(5, ActivationFunction.Sigmoid).Dense(4, ActivationFunction.Sigmoid).Dense(3, ActivationFunction.Sigmoid);
        builder.Connect(0, 0, 3, 0).Connect(0, 5, 3, 2);
        using var network = builder.Build(Initializer.Gaussian, seed: 4);
        var path = _temp.File(name);
        NetworkModel.Save(network, path);
        return path;
    }

    /// <summary>Every synapse of a model file as (from layer, from index, to layer, to index) → weight, read from the spec.</summary>
    private static Dictionary<(int, int, int, int), float> Synapses(string path)
    {
        var spec = ModelFile.Read(path);
        var all = new Dictionary<(int, int, int, int), float>();
        for (var l = 1; l < spec.Layers.Count; l++)
        {
            if (spec.Layers[l].Weights is { } w)
            {
                for (var j = 0; j < w.Length; j++)
                {
                    for (var k = 0; k < w[j].Length; k++)
                    {
                        all.Add((l - 1, k, l, j), w[j][k]);
                    }
                }
            }
        }

        foreach (var s in spec.Synapses)
        {
            all.Add((s.FromLayer, s.FromIndex, s.ToLayer, s.ToIndex), s.Weight);
        }

        return all;
    }

    [Fact]
    public void MagnitudePruningRemovesExactlyTheSmallestWeights()
    {
        var input = Model();
        var output = _temp.File("p.json");
        var run = CliRunner.Run("prune", "--model", input, "--fraction", "0.4", "--save", output);
        Assert.True(run.ExitCode == 0, run.ToString());

        // Rank the file's synapses by |w| here, independently of the program: the 40 % smallest must be gone and
        // every survivor must keep its weight bit for bit.
        var before = Synapses(input);
        var removed = (int)Math.Round(0.4 * before.Count, MidpointRounding.AwayFromZero);
        var smallest = before.OrderBy(p => Math.Abs(p.Value)).ToList();
        Assert.True(Math.Abs(smallest[removed - 1].Value) < Math.Abs(smallest[removed].Value), "the test needs no tie at the cut");
        var expected = smallest.Skip(removed).ToDictionary(p => p.Key, p => p.Value);
        var after = Synapses(output);
        Assert.Equal(expected.Keys.Order(), after.Keys.Order());
        foreach (var (key, weight) in after)
        {
            Assert.Equal(BitConverter.SingleToInt32Bits(expected[key]), BitConverter.SingleToInt32Bits(weight));
        }

        // Biases are untouched.
        var biases = ModelFile.Read(input).Layers.Skip(1).SelectMany(l => l.Bias!);
        Assert.Equal(biases, ModelFile.Read(output).Layers.Skip(1).SelectMany(l => l.Bias!));
        Assert.Contains($"pruned {removed} of {before.Count} synapses", run.Out);
    }

    [Fact]
    public void LayerScopeRandomPruningPrintsPerLayerCountsAndIsSeeded()
    {
        var input = Model();
        var first = CliRunner.Run("prune", "--model", input, "--fraction", "0.5", "--by", "random", "--scope", "layer", "--seed", "9", "--save", _temp.File("a.json"), "--json");
        var again = CliRunner.Run("prune", "--model", input, "--fraction", "0.5", "--by", "random", "--scope", "layer", "--seed", "9", "--save", _temp.File("b.json"));
        var other = CliRunner.Run("prune", "--model", input, "--fraction", "0.5", "--by", "random", "--scope", "layer", "--seed", "10", "--save", _temp.File("c.json"));
        Assert.True(first.ExitCode == 0 && again.ExitCode == 0 && other.ExitCode == 0, first.ToString());

        // Into layer 1: 30; layer 2: 20; layer 3: 12 + 2 skip synapses. Half of each, rounded half away from zero.
        int[] before = [30, 20, 14];
        int[] after = [15, 10, 7];
        var lines = first.OutLines.Select(l => JsonDocument.Parse(l).RootElement).ToList();
        for (var l = 1; l <= 3; l++)
        {
            var line = lines[l - 1];
            Assert.Equal("layer", line.GetProperty("type").GetString());
            Assert.Equal(l, line.GetProperty("layer").GetInt32());
            Assert.Equal(before[l - 1], line.GetProperty("synapses_before").GetInt32());
            Assert.Equal(after[l - 1], line.GetProperty("synapses").GetInt32());
            Assert.Equal(before[l - 1] - after[l - 1], line.GetProperty("removed").GetInt32());
            Assert.Equal((double)after[l - 1] / before[l - 1], line.GetProperty("remaining").GetDouble(), 12);
        }

        var summary = lines[^1];
        Assert.Equal("summary", summary.GetProperty("type").GetString());
        Assert.Equal(64, summary.GetProperty("synapses_before").GetInt32());
        Assert.Equal(32, summary.GetProperty("synapses").GetInt32());
        Assert.Equal(32, summary.GetProperty("removed").GetInt32());
        Assert.Equal(0.5, summary.GetProperty("remaining").GetDouble(), 12);
        Assert.Equal(_temp.File("a.json"), summary.GetProperty("saved").GetString());
        var a = Synapses(_temp.File("a.json"));
        var original = Synapses(input);
        Assert.All(a, p => Assert.Equal(original[p.Key], p.Value));
        Assert.Equal(after, Enumerable.Range(1, 3).Select(l => a.Keys.Count(k => k.Item3 == l)));
        Assert.Equal(File.ReadAllText(_temp.File("a.json")), File.ReadAllText(_temp.File("b.json")));
        Assert.NotEqual(a.Keys.Order(), Synapses(_temp.File("c.json")).Keys.Order());
    }

    [Fact]
    public void APrunedModelTrainsOnWithItsSparseTopology()
    {
        var mnistLike = new NetworkBuilder().Input(784).Dense(20, ActivationFunction.Sigmoid).Dense(10, ActivationFunction.Sigmoid);
        using (var network = mnistLike.Build(Initializer.Xavier, seed: 2))
        {
            NetworkModel.Save(network, _temp.File("dense.json"));
        }

        var prune = CliRunner.Run("prune", "--model", _temp.File("dense.json"), "--fraction", "0.9", "--save", _temp.File("sparse.json"));
        Assert.True(prune.ExitCode == 0, prune.ToString());
        var pruned = Synapses(_temp.File("sparse.json"));
        Assert.Equal(15880 - 14292, pruned.Count);

        var train = CliRunner.Run("train", "--model", _temp.File("sparse.json"), "--dataset", "mnist", "--epochs", "1", "--batch", "32", "--lr", "1",
            "--save", _temp.File("trained.json"), "--quiet");
        Assert.True(train.ExitCode == 0, train.ToString());
        var trained = Synapses(_temp.File("trained.json"));
        Assert.Equal(pruned.Keys.Order(), trained.Keys.Order());
        Assert.True(trained.Count(p => p.Value != pruned[p.Key]) > pruned.Count / 2, "training moved the surviving weights");
    }

    [Theory]
    [InlineData("1", "--fraction 1: must be in [0, 1)")]
    [InlineData("-0.1", "--fraction -0.1: must be in [0, 1)")]
    [InlineData("NaN", "--fraction NaN: must be in [0, 1)")]
    public void AFractionOutsideTheRangeIsRefusedAndNothingIsWritten(string fraction, string message)
    {
        var output = _temp.File("out.json");
        var run = CliRunner.Run("prune", "--model", Model(), "--fraction", fraction, "--save", output);
        AssertUsageError(run, message);
        Assert.False(File.Exists(output));
    }

    [Fact]
    public void AMissingOrBrokenModelIsRefusedAndNothingIsWritten()
    {
        var output = _temp.File("out.json");
        AssertUsageError(CliRunner.Run("prune", "--model", _temp.File("nope.json"), "--fraction", "0.5", "--save", output), "nope.json", "not found");
        AssertUsageError(CliRunner.Run("prune", "--model", _temp.Write("bad.json", "{ \"format\": \"ecsnet-model/1\", \"layers\": ["), "--fraction", "0.5", "--save", output), "bad.json");
        AssertUsageError(CliRunner.Run("prune", "--model", Model(), "--fraction", "0.5", "--by", "size", "--save", output), "--by size", "magnitude, random");
        Assert.False(File.Exists(output));
    }

    [Fact]
    public void APruneThatEmptiesALayerIsRefusedAndNothingIsWritten()
    {
        using (var network = NetworkBuilder.FullyConnected([2, 3, 1], ActivationFunction.Sigmoid, Initializer.Gaussian, seed: 1))
        {
            NetworkModel.Save(network, _temp.File("xor.json"));
        }

        // round(0.9 · 3) = 3: every synapse into the output neuron would go.
        var output = _temp.File("out.json");
        AssertUsageError(CliRunner.Run("prune", "--model", _temp.File("xor.json"), "--fraction", "0.9", "--scope", "layer", "--save", output),
            "would leave layer 2 with no incoming synapse");
        Assert.False(File.Exists(output));
    }

    private static void AssertUsageError(CliRun run, params string[] fragments) => BadInputTests.AssertUsageError(run, fragments);
}
