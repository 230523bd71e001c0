using EcsNet.Data;

namespace EcsNet.Tests.Data;

public class MnistTests
{
    [Fact]
    public void LoadFolderAcceptsT10kNamesRawAndGzip()
    {
        using var folder = new TempFolder();
        File.WriteAllBytes(folder.File("train-images-idx3-ubyte.gz"), TestFiles.Gzip(TestFiles.Idx([2, 2, 2], [0, 51, 102, 255, 255, 0, 0, 0])));
        File.WriteAllBytes(folder.File("train-labels-idx1-ubyte"), TestFiles.Idx([2], [3, 9]));
        File.WriteAllBytes(folder.File("t10k-images-idx3-ubyte"), TestFiles.Idx([1, 2, 2], [1, 2, 3, 4]));
        File.WriteAllBytes(folder.File("t10k-labels-idx1-ubyte.gz"), TestFiles.Gzip(TestFiles.Idx([1], [0])));

        var (train, test) = Mnist.LoadFolder(folder.Path);
        Assert.Equal(2, train.Count);
        Assert.Equal(4, train.InputSize);
        Assert.Equal([0f, 0.2f, 0.4f, 1f], train.Input(0).ToArray());
        Assert.Equal([3, 9], train.Labels!);
        Assert.Equal(1f, train.Target(1)[9]);
        Assert.Equal(1, test.Count);
        Assert.Equal([0], test.Labels!);
        Assert.Equal(4 / 255f, test.Input(0)[3]);
    }

    [Fact]
    public void LoadFolderAcceptsTestNames()
    {
        using var folder = new TempFolder();
        File.WriteAllBytes(folder.File("train-images-idx3-ubyte"), TestFiles.Idx([1, 1, 1], [7]));
        File.WriteAllBytes(folder.File("train-labels-idx1-ubyte"), TestFiles.Idx([1], [1]));
        File.WriteAllBytes(folder.File("test-images-idx3-ubyte.gz"), TestFiles.Gzip(TestFiles.Idx([1, 1, 1], [8])));
        File.WriteAllBytes(folder.File("test-labels-idx1-ubyte.gz"), TestFiles.Gzip(TestFiles.Idx([1], [2])));
        var (_, test) = Mnist.LoadFolder(folder.Path);
        Assert.Equal([2], test.Labels!);
    }

    [Fact]
    public void LoadFolderNamesTheMissingFile()
    {
        using var folder = new TempFolder();
        File.WriteAllBytes(folder.File("train-images-idx3-ubyte"), TestFiles.Idx([1, 1, 1], [7]));
        var e = Assert.Throws<FileNotFoundException>(() => Mnist.LoadFolder(folder.Path));
        Assert.Contains("train-labels-idx1-ubyte.gz", e.Message);
        Assert.Throws<DirectoryNotFoundException>(() => Mnist.LoadFolder(folder.File("nope")));
    }

    [Fact]
    public void LoadFolderRejectsDifferentImageSizes()
    {
        using var folder = new TempFolder();
        File.WriteAllBytes(folder.File("train-images-idx3-ubyte"), TestFiles.Idx([1, 1, 1], [7]));
        File.WriteAllBytes(folder.File("train-labels-idx1-ubyte"), TestFiles.Idx([1], [1]));
        File.WriteAllBytes(folder.File("t10k-images-idx3-ubyte"), TestFiles.Idx([1, 1, 2], [8, 9]));
        File.WriteAllBytes(folder.File("t10k-labels-idx1-ubyte"), TestFiles.Idx([1], [2]));
        var e = Assert.Throws<DataFormatException>(() => Mnist.LoadFolder(folder.Path));
        Assert.Contains("test images have 2 pixels but training images have 1", e.Message);
    }
}
