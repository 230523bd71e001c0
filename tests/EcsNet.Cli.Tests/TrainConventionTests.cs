using System.Text.Json;

namespace EcsNet.Cli.Tests;

/// <summary>
/// The conventions the decks disagree on, as <c>train</c> options: frozen or absent biases, the batch gradient as a
/// mean or a sum, and incremental descent shuffled or in order.
/// </summary>
public sealed class TrainConventionTests
{
    private const string Net221 = """
        {
          "format": "ecsnet-model/1",
          "layers": [
            { "size": 2 },
            { "size": 2, "activation": "sigmoid", "bias": [0.1, -0.2], "weights": [[0.5, -0.4], [0.3, 0.8]] },
            { "size": 1, "activation": "sigmoid", "bias": [0.05], "weights": [[0.7, -0.6]] }
          ]
        }
        """;

    private static JsonElement Train(TempFolder folder, string name, params string[] args)
    {
        var model = folder.Write("start.json", Net221);
        var saved = folder.File(name);
        var run = CliRunner.Run([.. args, "--model", model, "--dataset", "xor", "--save", saved, "--quiet"]);
        Assert.True(run.ExitCode == 0, run.ToString());
        return JsonDocument.Parse(File.ReadAllText(saved)).RootElement;
    }

    private static double[] Parameters(JsonElement model)
        => [.. model.GetProperty("layers").EnumerateArray().Skip(1).SelectMany(l =>
            l.GetProperty("weights").EnumerateArray().SelectMany(r => r.EnumerateArray()).Concat(l.GetProperty("bias").EnumerateArray())).Select(v => v.GetDouble())];

    [Fact]
    public void FrozenBiasesLeaveTheBiasesOfTheModelAsTheyWere()
    {
        using var folder = new TempFolder();
        var model = Train(folder, "frozen.json", "train", "--epochs", "5", "--lr", "2", "--frozen-biases");

        var biases = model.GetProperty("layers").EnumerateArray().Skip(1).SelectMany(l => l.GetProperty("bias").EnumerateArray()).Select(b => b.GetDouble());
        Assert.Equal([0.1, -0.2, 0.05], biases, (a, b) => Math.Abs(a - b) < 1e-7);
        Assert.NotEqual(0.5, model.GetProperty("layers")[1].GetProperty("weights")[0][0].GetDouble());
    }

    [Fact]
    public void ASummedFullBatchGradientAtEtaEqualsTheMeanAtFourEta()
    {
        // XOR has four samples: Σ = 4 · mean, so one full-batch epoch at η with the sum equals one at 4η with the mean.
        using var folder = new TempFolder();
        var sum = Parameters(Train(folder, "sum.json", "train", "--epochs", "1", "--batch", "0", "--lr", "0.5", "--batch-gradient", "sum"));
        var mean = Parameters(Train(folder, "mean.json", "train", "--epochs", "1", "--batch", "0", "--lr", "2"));

        Assert.Equal(mean, sum, (a, b) => Math.Abs(a - b) < 1e-6);
    }

    [Fact]
    public void InOrderIncrementalDescentDoesNotDependOnTheSeedButShuffledDoes()
    {
        using var folder = new TempFolder();
        var inOrder1 = Parameters(Train(folder, "a.json", "train", "--epochs", "3", "--batch", "1", "--lr", "0.5", "--order", "in-order", "--seed", "1"));
        var inOrder2 = Parameters(Train(folder, "b.json", "train", "--epochs", "3", "--batch", "1", "--lr", "0.5", "--order", "in-order", "--seed", "2"));
        var shuffled1 = Parameters(Train(folder, "c.json", "train", "--epochs", "3", "--batch", "1", "--lr", "0.5", "--seed", "1"));
        var shuffled2 = Parameters(Train(folder, "d.json", "train", "--epochs", "3", "--batch", "1", "--lr", "0.5", "--seed", "2"));

        Assert.Equal(inOrder1, inOrder2);
        Assert.NotEqual(shuffled1, shuffled2);
    }

    [Fact]
    public void NoBiasLayersAreSavedWithoutBiases()
    {
        using var folder = new TempFolder();
        var saved = folder.File("nobias.json");
        var run = CliRunner.Run("train", "--dataset", "xor", "--layers", "2,3,1", "--no-bias", "--epochs", "2", "--save", saved, "--quiet");

        Assert.True(run.ExitCode == 0, run.ToString());
        var layers = JsonDocument.Parse(File.ReadAllText(saved)).RootElement.GetProperty("layers");
        Assert.Equal(JsonValueKind.False, layers[1].GetProperty("bias").ValueKind);
        Assert.Equal(JsonValueKind.False, layers[2].GetProperty("bias").ValueKind);
    }

    [Theory]
    [InlineData("--order", "random")]
    [InlineData("--batch-gradient", "avg")]
    public void UnknownConventionValuesAreOneLineErrors(string option, string value)
    {
        var run = CliRunner.Run("train", "--dataset", "xor", "--epochs", "1", option, value);

        Assert.Equal(2, run.ExitCode);
        Assert.Single(run.ErrLines);
        Assert.Contains(option, run.Err, StringComparison.Ordinal);
    }
}
