using EcsNet.Persistence;
using EcsNet.Tests.Data;

namespace EcsNet.Tests.Persistence;

/// <summary>A failed save names the file asked for, leaves nothing behind, and the next save sweeps a killed writer's leftovers.</summary>
public sealed class ModelSaveSafetyTests
{
    private static ModelSpec Model()
    {
        using var net = new NetworkBuilder().Input(2).Dense(1, EcsNet.ActivationFunctions.ActivationFunction.Sigmoid).Build(EcsNet.Training.Initializer.Gaussian, seed: 1);
        return NetworkModel.ToSpec(net);
    }

    [Fact]
    public void ARefusedWriteNamesTheTargetNotTheTemporaryFile()
    {
        var e = Assert.ThrowsAny<IOException>(() => ModelFile.Write(Model(), "/proc/ecsnet-model.json"));

        Assert.StartsWith("/proc/ecsnet-model.json: cannot write the model (", e.Message);
        Assert.DoesNotContain(".tmp", e.Message);
    }

    [Fact]
    public void AFolderIsRefusedWithAMessageAndNoFileIsLeft()
    {
        using var temp = new TempFolder();

        var e = Assert.ThrowsAny<IOException>(() => ModelFile.Write(Model(), temp.Path + "/"));

        Assert.Equal($"{temp.Path}/: is a folder; give a file name, such as {temp.Path}/model.json", e.Message);
        Assert.Empty(Directory.GetFileSystemEntries(temp.Path));
    }

    [Fact]
    public void TheNextSaveRemovesStaleTemporaryFilesOfTheSameTargetOnly()
    {
        using var temp = new TempFolder();
        var stale = temp.File($".model.json.{Guid.NewGuid():N}.tmp");
        var recent = temp.File($".model.json.{Guid.NewGuid():N}.tmp");
        var other = temp.File($".other.json.{Guid.NewGuid():N}.tmp");
        foreach (var file in new[] { stale, recent, other })
        {
            File.WriteAllText(file, "{ half a mod");
        }

        File.SetLastWriteTimeUtc(stale, DateTime.UtcNow.AddHours(-1));
        File.SetLastWriteTimeUtc(other, DateTime.UtcNow.AddHours(-1));

        ModelFile.Write(Model(), temp.File("model.json"));

        // A recent one may belong to a save still under way in another process, so it stays.
        Assert.Equal(new[] { recent, other, temp.File("model.json") }.Order(), Directory.GetFiles(temp.Path).Order());
    }

    [Fact]
    public void CheckWritableLeavesNoProbeBehind()
    {
        using var temp = new TempFolder();

        ModelFile.CheckWritable(temp.File("model.json"));

        Assert.Empty(Directory.GetFileSystemEntries(temp.Path));
    }
}
