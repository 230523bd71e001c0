using EcsNet.Data;

namespace EcsNet.Tests.Data;

public class DataSetTests
{
    private static DataSet Ten()
    {
        // Sample i has inputs (i, 10 i) and label i % 3, so every sample is identifiable after a shuffle.
        var inputs = new float[20];
        var targets = new float[30];
        var labels = new int[10];
        for (int i = 0; i < 10; i++)
        {
            inputs[2 * i] = i;
            inputs[2 * i + 1] = 10 * i;
            labels[i] = i % 3;
            targets[3 * i + labels[i]] = 1;
        }
        return new DataSet("ten", inputs, targets, 2, 3, labels, ["a", "b", "c"]);
    }

    [Fact]
    public void ShapesAndAccessors()
    {
        var d = Ten();
        Assert.Equal(10, d.Count);
        Assert.Equal([4f, 40f], d.Input(4).ToArray());
        Assert.Equal([0f, 1f, 0f], d.Target(4).ToArray());
        Assert.Throws<ArgumentOutOfRangeException>(() => d.Input(10).ToArray());
    }

    [Fact]
    public void ConstructorRejectsBadShapes()
    {
        Assert.Throws<ArgumentException>(() => new DataSet("x", new float[5], new float[2], 2, 1));
        Assert.Throws<ArgumentException>(() => new DataSet("x", new float[4], new float[3], 2, 1));
        Assert.Throws<ArgumentException>(() => new DataSet("x", new float[4], new float[2], 0, 1));
        Assert.Throws<ArgumentException>(() => new DataSet("x", new float[4], new float[2], 2, 1, [0]));
        Assert.Throws<ArgumentException>(() => new DataSet("x", new float[4], new float[4], 2, 2, [0, 2]));
        Assert.Throws<ArgumentException>(() => new DataSet("x", [1, float.NaN], [0], 2, 1));
        Assert.Throws<ArgumentException>(() => new DataSet("x", [1, 2], [float.PositiveInfinity], 2, 1));
    }

    [Fact]
    public void SubsetCopiesSamplesInOrder()
    {
        var d = Ten();
        var s = d.Subset([7, 2, 7], "sub");
        Assert.Equal("sub", s.Name);
        Assert.Equal([7f, 70f, 2f, 20f, 7f, 70f], s.Inputs);
        Assert.Equal([1, 2, 1], s.Labels!);
        Assert.Equal(d.ClassNames, s.ClassNames!);
        s.Inputs[0] = -1;
        Assert.Equal(7f, d.Inputs[14]);
        Assert.Throws<ArgumentOutOfRangeException>(() => d.Subset([10]));
    }

    [Fact]
    public void SplitPartitionsAllSamplesDeterministically()
    {
        var d = Ten();
        var (train, test) = d.Split(0.3, seed: 5);
        Assert.Equal(7, train.Count);
        Assert.Equal(3, test.Count);
        var ids = train.Inputs.Where((_, k) => k % 2 == 0).Concat(test.Inputs.Where((_, k) => k % 2 == 0)).Order();
        Assert.Equal(Enumerable.Range(0, 10).Select(i => (float)i), ids);
        for (int i = 0; i < test.Count; i++)
        {
            Assert.Equal(test.Labels![i], (int)test.Input(i)[0] % 3);
            Assert.Equal(1f, test.Target(i)[test.Labels[i]]);
        }

        var (train2, test2) = d.Split(0.3, seed: 5);
        Assert.Equal(train.Inputs, train2.Inputs);
        Assert.Equal(test.Inputs, test2.Inputs);
        var orders = Enumerable.Range(0, 20).Select(seed => string.Join(",", d.Split(0.3, seed).Test.Inputs)).Distinct().Count();
        Assert.True(orders > 10, "different seeds should give different splits");
    }

    [Fact]
    public void SplitKeepsBothPartsNonEmptyAndRejectsBadFractions()
    {
        var d = Ten();
        Assert.Equal(1, d.Split(0.01, 1).Test.Count);
        Assert.Equal(9, d.Split(0.99, 1).Test.Count);
        Assert.Throws<ArgumentOutOfRangeException>(() => d.Split(0, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => d.Split(1, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => d.Split(double.NaN, 1));
    }

    [Fact]
    public void TakeKeepsThePrefix()
    {
        var d = Ten();
        var t = d.Take(3);
        Assert.Equal(3, t.Count);
        Assert.Equal([0f, 0f, 1f, 10f, 2f, 20f], t.Inputs);
        Assert.Equal([0, 1, 2], t.Labels!);
        Assert.Equal(10, d.Take(100).Count);
        Assert.Equal(0, d.Take(0).Count);
    }
}
