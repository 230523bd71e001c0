namespace EcsNet.Cli.Tests;

/// <summary>Outputs that cannot be written are refused before training, with the path the user gave.</summary>
public sealed class SafeSaveTests
{
    [Fact]
    public void AnUnwritableSaveTargetFailsBeforeTrainingNamingTheSavePath()
    {
        // /proc refuses new files even to root, unlike a chmod-ed folder.
        var run = CliRunner.Run("train", "--dataset", "iris", "--epochs", "50", "--save", "/proc/ecsnet-model.json");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("", run.Out);
        var error = Assert.Single(run.ErrLines);
        Assert.StartsWith("ecsnet: --save /proc/ecsnet-model.json: ", error);
        Assert.DoesNotContain(".tmp", error);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void AFolderAsSaveTargetSaysItIsAFolder(bool trailingSlash)
    {
        using var temp = new TempFolder();
        var target = trailingSlash ? temp.Path + Path.DirectorySeparatorChar : temp.Path;

        var run = CliRunner.Run("train", "--dataset", "xor", "--save", target);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("", run.Out);
        Assert.Equal($"ecsnet: --save {target}: is a folder; give a file name, such as {Path.Combine(target, "model.json")}", Assert.Single(run.ErrLines));
        Assert.Empty(Directory.GetFileSystemEntries(temp.Path));
    }

    [Fact]
    public void AMissingPlotFolderFailsBeforeTraining()
    {
        using var temp = new TempFolder();
        var plot = Path.Combine(temp.Path, "no", "curves.svg");

        var run = CliRunner.Run("train", "--dataset", "xor", "--plot", plot);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("", run.Out);
        Assert.Contains($"--plot {plot}: folder", Assert.Single(run.ErrLines));
    }

    [Fact]
    public void ANetworkTooLargeForMemoryIsRefusedWithOneLineBeforeAllocating()
    {
        var run = CliRunner.Run("train", "--dataset", "xor", "--layers", "2,100000,100000,1");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("", run.Out);
        var error = Assert.Single(run.ErrLines);
        Assert.Contains("the 2-100000-100000-1 network needs about", error);
        Assert.Contains("--max-memory", error);
    }

    [Fact]
    public void MaxMemoryLowersOrLiftsTheLimit()
    {
        var refused = CliRunner.Run("train", "--dataset", "xor", "--layers", "2,64,1", "--epochs", "1", "--max-memory", "100KB");
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("more than the 100 KB --max-memory allows", refused.Err);

        var lifted = CliRunner.Run("train", "--dataset", "xor", "--layers", "2,64,1", "--epochs", "1", "--max-memory", "none", "--quiet");
        Assert.True(lifted.ExitCode == 0, lifted.ToString());
    }

    [Fact]
    public void CheckpointKeepsTheBestAndTheLastModel()
    {
        using var temp = new TempFolder();
        var folder = Path.Combine(temp.Path, "runs");
        var final = temp.File("final.json");

        var run = CliRunner.Run("train", "--dataset", "iris", "--validation", "0.3", "--early-stop", "3", "--epochs", "2000", "--lr", "3",
            "--quiet", "--checkpoint", folder, "--save", final);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(["best.json", "last.json"], Directory.GetFiles(folder).Select(Path.GetFileName).Order());
        // Early stopping restored the best epoch's weights, so the final model is the best checkpoint, byte for byte;
        // the last checkpoint is three epochs later and differs.
        Assert.Equal(File.ReadAllBytes(final), File.ReadAllBytes(Path.Combine(folder, "best.json")));
        Assert.NotEqual(File.ReadAllBytes(final), File.ReadAllBytes(Path.Combine(folder, "last.json")));
    }
}
