using EcsNet.Data;

namespace EcsNet.Datasets.Tests;

public class Mnist10kTests
{
    [Fact]
    public void EmbeddedSubsetHasTheDocumentedCounts()
    {
        var (train, test) = Mnist10k.Load();
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
}
