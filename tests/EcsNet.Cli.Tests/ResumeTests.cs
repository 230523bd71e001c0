using System.Text.Json;
using EcsNet.Persistence;

namespace EcsNet.Cli.Tests;

/// <summary>--save-state then --resume continues a run: numbering, η schedule and the optimiser's moments and t.</summary>
public sealed class ResumeTests
{
    // Full batch, so the shuffled order only changes float rounding: a resumed run must then match an uninterrupted one.
    private static readonly string[] Common =
        ["train", "--dataset", "iris", "--optimizer", "adam", "--lr", "0.05", "--lr-decay", "step:0.5:3", "--batch", "0", "--json"];

    [Fact]
    public void AResumedRunContinuesTheNumberingTheScheduleAndTheOptimiser()
    {
        using var temp = new TempFolder();
        var half = temp.File("half.json");
        var whole = temp.File("whole.json");
        var resumed = temp.File("resumed.json");
        var restarted = temp.File("restarted.json");

        var uninterrupted = CliRunner.Run([.. Common, "--epochs", "10", "--save", whole]);
        Assert.Equal(0, uninterrupted.ExitCode);
        Assert.Equal(0, CliRunner.Run([.. Common, "--epochs", "5", "--save", half, "--save-state"]).ExitCode);
        var run = CliRunner.Run([.. Common, "--epochs", "5", "--model", half, "--resume", "--save", resumed]);
        Assert.Equal(0, CliRunner.Run([.. Common, "--epochs", "5", "--model", half, "--save", restarted]).ExitCode);

        Assert.True(run.ExitCode == 0, run.ToString());
        static JsonElement[] Epochs(CliRun r) => [.. r.OutLines.Select(l => JsonDocument.Parse(l).RootElement).Where(l => l.GetProperty("type").GetString() == "epoch")];
        var epochs = Epochs(run);
        Assert.Equal([6, 7, 8, 9, 10], epochs.Select(e => e.GetProperty("epoch").GetInt32()));
        // step:0.5:3 halves η every 3 epochs: 0.025 in epochs 4–6, 0.0125 in 7–9, 0.00625 in 10, as in the uninterrupted run.
        Assert.Equal([0.025, 0.0125, 0.0125, 0.0125, 0.00625], epochs.Select(e => Math.Round(e.GetProperty("learning_rate").GetDouble(), 6)));
        Assert.Equal(Epochs(uninterrupted).Skip(5).Select(e => e.GetProperty("learning_rate").GetDouble()), epochs.Select(e => e.GetProperty("learning_rate").GetDouble()));

        float[] Weights(string path) => [.. ModelFile.Read(path).Layers.Skip(1).SelectMany(l => l.Weights!.SelectMany(r => r))];
        var reference = Weights(whole);
        double Distance(float[] w) => w.Zip(reference, (a, b) => Math.Abs(a - b)).Max();
        // Resumed: the uninterrupted run up to float rounding. Restarted without the state (fresh Adam moments,
        // t from 0, η from the top of the schedule): visibly elsewhere.
        Assert.True(Distance(Weights(resumed)) < 1e-4, $"resumed differs by {Distance(Weights(resumed))}");
        Assert.True(Distance(Weights(restarted)) > 100 * Math.Max(Distance(Weights(resumed)), 1e-6), $"restarted differs by only {Distance(Weights(restarted))}");
    }

    [Fact]
    public void ResumingAModelWithoutStateSaysHowToSaveIt()
    {
        using var temp = new TempFolder();
        var model = temp.File("plain.json");
        Assert.Equal(0, CliRunner.Run("train", "--dataset", "xor", "--epochs", "2", "--save", model, "--quiet").ExitCode);

        var run = CliRunner.Run("train", "--dataset", "xor", "--model", model, "--resume");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"ecsnet: --resume: {model} has no saved training state (save it with --save-state)", Assert.Single(run.ErrLines));
    }
}
