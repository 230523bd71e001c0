using EcsNet.Persistence;
using EcsNet.Tests.Data;

namespace EcsNet.Tests.Persistence;

public class ModelWriteTests
{
    [Fact]
    public void WriteThenReadRoundTrips()
    {
        using var folder = new TempFolder();
        string path = folder.File("model.json");
        var spec = ModelFile.Parse(ModelFileTests.SpecExample);
        ModelFile.Write(spec, path);
        Assert.Equal(ModelFile.ToJson(spec), File.ReadAllText(path));
        Assert.Equal(File.ReadAllBytes(path), System.Text.Encoding.UTF8.GetBytes(ModelFile.ToJson(ModelFile.Read(path))));
        Assert.Equal(["model.json"], Directory.GetFiles(folder.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void WriteReplacesAnExistingFile()
    {
        using var folder = new TempFolder();
        string path = folder.File("model.json");
        File.WriteAllText(path, "old");
        var spec = ModelFile.Parse(ModelFileTests.SpecExample);
        ModelFile.Write(spec, path);
        Assert.Equal(ModelFile.ToJson(spec), File.ReadAllText(path));
    }

    [Fact]
    public void FailedSerializationLeavesTheOldFileAndNoTemporaryFiles()
    {
        using var folder = new TempFolder();
        string path = folder.File("model.json");
        var good = ModelFile.Parse(ModelFileTests.SpecExample);
        ModelFile.Write(good, path);
        byte[] before = File.ReadAllBytes(path);

        var bad = ModelFile.Parse(ModelFileTests.SpecExample);
        bad.Layers[1].Bias![0] = float.PositiveInfinity;
        var e = Assert.Throws<ModelFormatException>(() => ModelFile.Write(bad, path));
        Assert.Contains("layers[1].bias[0]", e.Message);
        Assert.Equal(before, File.ReadAllBytes(path));
        Assert.Equal(["model.json"], Directory.GetFiles(folder.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void FailedRenameLeavesNoTemporaryFiles()
    {
        using var folder = new TempFolder();
        // A directory in the target's place makes the final rename fail after the temporary file was written.
        string path = folder.File("model.json");
        Directory.CreateDirectory(path);
        var e = Record.Exception(() => ModelFile.Write(ModelFile.Parse(ModelFileTests.SpecExample), path));
        Assert.True(e is IOException or UnauthorizedAccessException, e?.ToString());
        Assert.Empty(Directory.GetFiles(folder.Path));
        Assert.True(Directory.Exists(path));
    }

    [Fact]
    public async Task ConcurrentReadersSeeOnlyCompleteModels()
    {
        // Two large models (about 300 kB each) are written alternately while another thread keeps reading the
        // target: with write-to-temp-then-rename every read sees exactly one of the two complete files.
        using var folder = new TempFolder();
        string path = folder.File("model.json");
        var a = Large(1);
        var b = Large(2);
        byte[] bytesA = System.Text.Encoding.UTF8.GetBytes(ModelFile.ToJson(a));
        byte[] bytesB = System.Text.Encoding.UTF8.GetBytes(ModelFile.ToJson(b));
        ModelFile.Write(a, path);

        int reads = 0;
        string? problem = null;
        using var done = new ManualResetEventSlim();
        var reader = Task.Run(() =>
        {
            while (!done.IsSet)
            {
                byte[] seen = File.ReadAllBytes(path);
                if (!seen.AsSpan().SequenceEqual(bytesA) && !seen.AsSpan().SequenceEqual(bytesB))
                {
                    problem = $"read {reads} saw {seen.Length} bytes matching neither model";
                    return;
                }
                Interlocked.Increment(ref reads);
            }
        });
        // The reader must be reading while the writes happen: wait for its first read (a fast machine can finish 30
        // writes before a thread-pool thread starts), then keep writing until it has read many times.
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (Volatile.Read(ref reads) == 0 && problem is null && clock.Elapsed < TimeSpan.FromSeconds(10))
        {
            Thread.Yield();
        }

        for (int i = 0; (i < 30 || Volatile.Read(ref reads) < 30) && problem is null && clock.Elapsed < TimeSpan.FromSeconds(20); i++)
        {
            ModelFile.Write(i % 2 == 0 ? b : a, path);
        }
        done.Set();
        await reader;
        Assert.Null(problem);
        Assert.True(reads > 0);
        Assert.Equal(["model.json"], Directory.GetFiles(folder.Path).Select(Path.GetFileName));
    }

    private static ModelSpec Large(int seed)
    {
        var random = new Random(seed);
        var spec = new ModelSpec();
        spec.Layers.Add(new LayerSpec { Size = 200 });
        spec.Layers.Add(new LayerSpec
        {
            Size = 100,
            Activation = "sigmoid",
            Bias = [.. Enumerable.Range(0, 100).Select(_ => (float)random.NextDouble())],
            Weights = [.. Enumerable.Range(0, 100).Select(_ => Enumerable.Range(0, 200).Select(_ => (float)(random.NextDouble() - 0.5)).ToArray())],
        });
        return spec;
    }

    [Fact]
    public void ReadNamesTheFile()
    {
        using var folder = new TempFolder();
        string path = folder.File("broken.json");
        File.WriteAllText(path, "{ \"format\": \"ecsnet-model/1\", \"layers\": [ { \"size\": 2 }, { \"size\": 2, \"activation\": \"relu\", \"bias\": [1] } ] }");
        var e = Assert.Throws<ModelFormatException>(() => ModelFile.Read(path));
        Assert.Equal($"{path}: layers[1].bias: has 1 values but the layer size is 2", e.Message);
        Assert.Equal(path, e.Source);
    }
}
