using System.Globalization;
using EcsNet.Persistence;

namespace EcsNet.Cli.Tests.Reliability;

/// <summary>
/// Same seed, same options → bit-identical saved model, across runs and across --threads 1 and 2 (the determinism
/// guarantee of docs/reliability.md),
/// through the program itself: in the test process and in fresh processes.
/// </summary>
[Collection(ReliabilityCollection.Name)]
public sealed class DeterminismTests
{
    // 784 × 100 × 32 = 2.5 million multiply-adds per layer pass, far above the ~65,536 at which the network hands a
    // pass to its worker threads, so --threads 2 really runs the parallel path. One epoch of MNIST-10k takes ~1.5 s.
    [Theory]
    [InlineData("--layers", "784,100,10", "--batch", "32")]
    [InlineData("--layers", "784,100,10", "--batch", "32", "--activation", "relu,softmax", "--cost", "cross-entropy",
        "--init", "he", "--optimizer", "adam", "--lr", "0.001", "--l2", "0.0001", "--validation", "0.1")]
    public void SameSeedAndOptionsSaveTheSameBytesAcrossRunsAndThreadCounts(params string[] options)
    {
        using var temp = new TempFolder();
        string[] Train(string save, int threads) =>
            ["train", "--dataset", "mnist", "--epochs", "1", "--seed", "7", "--quiet", .. options,
             "--threads", threads.ToString(CultureInfo.InvariantCulture), "--save", save];

        // In the test process, then twice in fresh processes: nothing may depend on process state (hash seeds,
        // thread-pool timing) or on how the work is split between threads.
        var inProcess = CliRunner.Run(Train(temp.File("in-process-1.json"), threads: 1));
        Assert.True(inProcess.ExitCode == 0, inProcess.ToString());
        foreach (var (name, threads) in new[] { ("process-1.json", 1), ("process-2.json", 2) })
        {
            using var run = CliProcess.Start(Train(temp.File(name), threads));
            Assert.True(run.WaitForExit(TimeSpan.FromSeconds(60)) == 0, run.Text);
        }

        var expected = File.ReadAllBytes(temp.File("in-process-1.json"));
        Assert.Equal(784, ModelFile.Read(temp.File("in-process-1.json")).Layers[0].Size);
        Assert.Equal(expected, File.ReadAllBytes(temp.File("process-1.json")));
        Assert.Equal(expected, File.ReadAllBytes(temp.File("process-2.json")));
    }

    [Fact]
    public void ADifferentSeedGivesADifferentModel()
    {
        // The guard against a vacuous pass: if the seed were ignored, every model would trivially be identical.
        using var temp = new TempFolder();
        foreach (var seed in new[] { "7", "8" })
        {
            var run = CliRunner.Run("train", "--dataset", "iris", "--epochs", "2", "--seed", seed, "--quiet", "--save", temp.File(seed + ".json"));
            Assert.True(run.ExitCode == 0, run.ToString());
        }

        Assert.NotEqual(File.ReadAllBytes(temp.File("7.json")), File.ReadAllBytes(temp.File("8.json")));
    }
}
