using System.Text.Json;

namespace EcsNet.Cli.Tests;

/// <summary><c>trace</c> on a model saved with input normalisation feeds the network what <c>predict</c> feeds it.</summary>
public sealed class TraceNormalizationTests
{
    [Fact]
    public void TraceAppliesTheModelsInputNormalisation()
    {
        // One sigmoid unit a = σ(2·x̂ − 1) whose saved normalisation is x̂ = (x − 10) × 0.5: the raw input 12 becomes 1,
        // so a = σ(1) = 0.7310586; fed raw, it would be σ(23) ≈ 1.
        using var folder = new TempFolder();
        var model = folder.Write("unit.json", """
            {
              "format": "ecsnet-model/1",
              "layers": [ { "size": 1 }, { "size": 1, "activation": "sigmoid", "bias": [-1], "weights": [[2]] } ],
              "metadata": { "input_offsets": "10", "input_scales": "0.5" }
            }
            """);

        var run = CliRunner.Run("trace", "--model", model, "--input", "12", "--target", "1", "--json");

        Assert.True(run.ExitCode == 0, run.ToString());
        var lines = run.OutLines.Select(l => JsonDocument.Parse(l).RootElement).ToArray();
        var step = lines.First(l => l.GetProperty("type").GetString() == "step");
        var output = step.GetProperty("neurons").EnumerateArray().Single(n => n.GetProperty("layer").GetInt32() == 1);
        Assert.Equal(1 / (1 + Math.Exp(-1)), output.GetProperty("a").GetDouble(), 1e-6);
        var start = lines.First(l => l.GetProperty("type").GetString() == "start");
        Assert.Equal(1.0, start.GetProperty("inputs")[0].GetProperty("x_normalized")[0].GetDouble(), 1e-6);

        var text = CliRunner.Run("trace", "--model", model, "--input", "12", "--target", "1");
        Assert.Contains("normalised with the model's input normalisation", text.Out, StringComparison.Ordinal);
    }
}
