using EcsNet.Data;

namespace EcsNet.Tests.Data;

public class MnistTests
{
    [Fact]
    public void EmbeddedSubsetHasTheDocumentedCounts()
    {
        var (train, test) = Mnist.LoadEmbedded();
        Assert.Equal(8000, train.Count);
        Assert.Equal(2000, test.Count);
        Assert.Equal(784, train.InputSize);
        Assert.Equal(10, train.OutputSize);
        // Per-class counts from shared/data/README.md.
        Assert.Equal([815, 907, 792, 820, 779, 697, 809, 857, 739, 785], CountPerClass(train));
        Assert.Equal([186, 220, 199, 212, 201, 166, 205, 213, 205, 193], CountPerClass(test));
        foreach (var set in new[] { train, test })
        {
            // Pixels are bytes / 255: every value in [0, 1], both ends reached.
            Assert.Equal(0f, set.Inputs.Min());
            Assert.Equal(1f, set.Inputs.Max());
            for (int i = 0; i < set.Count; i += 97)
            {
                Assert.Equal(1f, set.Target(i)[set.Labels![i]]);
                Assert.Equal(1f, set.Target(i).ToArray().Sum());
            }
        }
        Assert.Equal(["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"], train.ClassNames!);
    }

    private static int[] CountPerClass(DataSet d)
    {
        var counts = new int[10];
        foreach (int l in d.Labels!)
        {
            counts[l]++;
        }
        return counts;
    }

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
