using System.Text.Json;
using EcsNet.Persistence;

namespace EcsNet.Cli.Tests.Reliability;

/// <summary>
/// Save → load → save is byte-identical and every float survives the round trip exactly (a saved model must resume
/// training exactly where it stopped), on a model the
/// program trained and saved, and the saved model predicts exactly as the trained one measured.
/// </summary>
[Collection(ReliabilityCollection.Name)]
public sealed class SaveRoundTripTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void SaveLoadSaveIsByteIdenticalThroughTheFileAndThroughTheNetwork()
    {
        // train --epochs 0 is rejected, so the reload goes through the library's reader and writer directly.
        var (saved, _) = Train("--quiet");
        var bytes = File.ReadAllBytes(saved);

        var spec = ModelFile.Read(saved);
        var again = _temp.File("again.json");
        ModelFile.Write(spec, again);
        Assert.Equal(bytes, File.ReadAllBytes(again));

        // Through the ECS network too (weights become synapse entities and come back), with the CLI's metadata.
        using var network = NetworkModel.ToNetwork(spec);
        var rebuilt = NetworkModel.ToSpec(network);
        foreach (var (key, value) in spec.Metadata)
        {
            rebuilt.Metadata[key] = value;
        }

        var viaNetwork = _temp.File("via-network.json");
        ModelFile.Write(rebuilt, viaNetwork);
        Assert.Equal(bytes, File.ReadAllBytes(viaNetwork));
    }

    [Fact]
    public void PredictOnTheSavedModelGivesTheTrainingRunsTestAccuracyAndCost()
    {
        var (saved, run) = Train("--json");
        var trained = JsonDocument.Parse(run.OutLines[^1]).RootElement;

        var predict = CliRunner.Run("predict", "--model", saved, "--dataset", "mnist", "--seed", "7", "--limit", "0", "--json");

        Assert.True(predict.ExitCode == 0, predict.ToString());
        var summary = JsonDocument.Parse(predict.OutLines[^1]).RootElement;
        Assert.Equal(2000, summary.GetProperty("samples").GetInt32());
        Assert.Equal(trained.GetProperty("test_accuracy").GetDouble(), summary.GetProperty("accuracy").GetDouble());
        Assert.Equal(trained.GetProperty("test_cost").GetDouble(), summary.GetProperty("cost").GetDouble());
    }

    /// <summary>One epoch of MNIST on two threads, the parallel path whose output must still round-trip exactly.</summary>
    private (string Model, CliRun Run) Train(string outputMode)
    {
        var model = _temp.File("model.json");
        var run = CliRunner.Run("train", "--dataset", "mnist", "--layers", "784,100,10", "--batch", "32", "--epochs", "1", "--seed", "7",
            "--threads", "2", "--save", model, outputMode);
        Assert.True(run.ExitCode == 0, run.ToString());
        return (model, run);
    }
}
