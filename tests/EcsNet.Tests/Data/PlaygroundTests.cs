using EcsNet.Data;

namespace EcsNet.Tests.Data;

public class PlaygroundTests
{
    [Theory]
    [InlineData("circle", 0.0)]
    [InlineData("circle", 0.3)]
    [InlineData("xor", 0.0)]
    [InlineData("xor2d", 0.5)]
    [InlineData("gauss", 0.0)]
    [InlineData("gauss", 0.5)]
    [InlineData("spiral", 0.0)]
    [InlineData("spiral", 0.5)]
    public void ShapeRangeAndBalance(string kind, double noise)
    {
        var d = Playground.Generate(kind, 500, noise, seed: 1);
        Assert.Equal(500, d.Count);
        Assert.Equal(2, d.InputSize);
        Assert.Equal(1, d.OutputSize);
        Assert.Equal(["negative", "positive"], d.ClassNames!);
        Assert.All(d.Inputs, x => Assert.InRange(x, -6f, 6f));
        for (int i = 0; i < d.Count; i++)
        {
            Assert.Equal(d.Labels![i], d.Targets[i]);
        }
        int positives = d.Labels!.Sum();
        // Gauss and spiral are generated exactly half and half; circle and xor relabel noisy points by position.
        Assert.InRange(positives, 175, 325);
        if (kind is "gauss" or "spiral" || noise == 0)
        {
            Assert.Equal(kind == "xor" ? positives : 250, positives);
        }
        // The generator shuffles, so a prefix holds both classes.
        Assert.InRange(d.Labels!.Take(50).Sum(), 5, 45);
    }

    [Fact]
    public void NoiselessGeometryFollowsThePlayground()
    {
        var circle = Playground.Generate("circle", 400, 0, 3);
        for (int i = 0; i < circle.Count; i++)
        {
            float r = MathF.Sqrt(circle.Input(i)[0] * circle.Input(i)[0] + circle.Input(i)[1] * circle.Input(i)[1]);
            Assert.Equal(r < 2.5f ? 1 : 0, circle.Labels![i]);
            Assert.True(r <= 2.5f || r >= 3.5f - 1e-5f, $"radius {r} lies in the gap");
        }
        var xor = Playground.Generate("xor", 400, 0, 3);
        for (int i = 0; i < xor.Count; i++)
        {
            Assert.Equal(xor.Input(i)[0] * xor.Input(i)[1] >= 0 ? 1 : 0, xor.Labels![i]);
            Assert.True(MathF.Abs(xor.Input(i)[0]) >= 0.3f, "padding keeps points off the axes");
        }
        var gauss = Playground.Generate("gauss", 2000, 0, 3);
        double meanPositiveX = Enumerable.Range(0, gauss.Count).Where(i => gauss.Labels![i] == 1).Average(i => gauss.Input(i)[0]);
        Assert.InRange(meanPositiveX, 1.8, 2.2);
    }

    [Fact]
    public void SeedsAreReproducibleAndDistinct()
    {
        foreach (string kind in Playground.Kinds)
        {
            var a = Playground.Generate(kind, 200, 0.2, 42);
            var b = Playground.Generate(kind, 200, 0.2, 42);
            var c = Playground.Generate(kind, 200, 0.2, 43);
            Assert.Equal(a.Inputs, b.Inputs);
            Assert.Equal(a.Labels, b.Labels!);
            Assert.NotEqual(a.Inputs, c.Inputs);
        }
    }

    [Fact]
    public void RejectsBadArguments()
    {
        var e = Assert.Throws<ArgumentException>(() => Playground.Generate("moons", 10, 0, 1));
        Assert.Contains("circle, xor (xor2d), gauss (gaussian), spiral", e.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => Playground.Generate("circle", 1, 0, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Playground.Generate("circle", 10, -0.1, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Playground.Generate("circle", 10, double.NaN, 1));
        Assert.Equal(7, Playground.Generate("spiral", 7, 0, 1).Count);
    }
}
