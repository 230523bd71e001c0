using EcsNet.Data;

namespace EcsNet.Datasets;

/// <summary>
/// The 10,000-digit MNIST subset embedded in this assembly: 8,000 training and 2,000 test images of 28×28 pixels,
/// read with the library's IDX reader (<see cref="Mnist.FromIdx"/>).
/// </summary>
public static class Mnist10k
{
    /// <summary>Loads the embedded training and test sets.</summary>
    public static (DataSet Train, DataSet Test) Load() => (LoadPair("train", "mnist-train"), LoadPair("test", "mnist-test"));

    private static DataSet LoadPair(string prefix, string name)
    {
        string imagesFile = $"{prefix}-images-idx3-ubyte.gz", labelsFile = $"{prefix}-labels-idx1-ubyte.gz";
        IdxArray images, labels;
        using (var s = EmbeddedData.Open(imagesFile))
        {
            images = IdxReader.Read(s, imagesFile);
        }
        using (var s = EmbeddedData.Open(labelsFile))
        {
            labels = IdxReader.Read(s, labelsFile);
        }
        return Mnist.FromIdx(images, labels, name, imagesFile, labelsFile);
    }
}
