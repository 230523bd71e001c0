using EcsNet.Data;

namespace EcsNet.Tests.Data;

public class NormalizationTests
{
    // Columns: 1, 3, 5 | 10, 20, 60 | constant 5.
    private static readonly DataSet Sample = new("s", [1, 10, 5, 3, 20, 5, 5, 60, 5], [0, 1, 0], 3, 1);

    [Fact]
    public void MinMaxByHand()
    {
        var n = Normalization.FitMinMax(Sample);
        var d = n.Apply(Sample);
        // (x − min) / (max − min): column 0 over [1, 5], column 1 over [10, 60], the constant column maps to 0.
        float[] expected = [0, 0, 0, 0.5f, 0.2f, 0, 1, 1, 0];
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], d.Inputs[i], 1e-6f);
        }
        Assert.Equal(Sample.Targets, d.Targets);
        Span<float> fresh = [3, 35, 9];
        n.Apply(fresh);
        Assert.Equal(0.5f, fresh[0], 1e-6f);
        Assert.Equal(0.5f, fresh[1], 1e-6f);
        Assert.Equal(4f, fresh[2], 1e-6f);
    }

    [Fact]
    public void ZScoreByHand()
    {
        var d = Normalization.FitZScore(Sample).Apply(Sample);
        // Column 0: mean 3, population σ = √(8/3) = 1.632993; column 1: mean 30, σ = √(1400/3) = 21.602469.
        float[] expected = [-1.2247449f, -0.9258201f, 0, 0, -0.4629100f, 0, 1.2247449f, 1.3887301f, 0];
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], d.Inputs[i], 1e-5f);
        }
        Assert.All(d.Inputs, x => Assert.True(float.IsFinite(x)));
    }

    [Fact]
    public void RejectsWrongWidthAndEmptySets()
    {
        var n = Normalization.FitMinMax(Sample);
        Assert.Throws<ArgumentException>(() => n.Apply(new float[2].AsSpan()));
        Assert.Throws<ArgumentException>(() => n.Apply(LogicGates.And()));
        Assert.Throws<ArgumentException>(() => Normalization.FitZScore(Sample.Take(0)));
    }
}
