using EcsNet.Costs;

namespace EcsNet.Tests.Costs;

public sealed class CostFunctionTests
{
    [Fact]
    public void QuadraticCostIsHalfTheSquaredError()
    {
        // ½((0.8 − 1)² + (0.2 − 0)²) = ½(0.04 + 0.04) = 0.04, by hand.
        Assert.Equal(0.04, CostFunction.Quadratic.Sum([0.8f, 0.2f], [1f, 0f], outputs: 2, batch: 1), 1e-7);
    }

    [Fact]
    public void CrossEntropyIsTheNegativeLogLikelihoodOfTheTargets()
    {
        // −[1·ln 0.8 + 0·ln 0.2] − [0·ln 0.2 + 1·ln 0.8] = −2 ln 0.8 = 0.4462871, by hand.
        Assert.Equal(-2 * Math.Log(0.8), CostFunction.CrossEntropy.Sum([0.8f, 0.2f], [1f, 0f], outputs: 2, batch: 1), 1e-6);
    }

    public static TheoryData<string> Costs => ["quadratic", "cross-entropy"];

    [Theory]
    [MemberData(nameof(Costs))]
    public void GradientIsTheDerivativeOfTheCost(string name)
    {
        var cost = CostFunction.ByName(name);
        float[] a = [0.8f, 0.3f, 0.1f, 0.6f]; // two outputs × two samples, neuron-major
        float[] y = [1f, 0f, 0f, 1f];
        var g = new float[a.Length];
        cost.Gradient(a, y, g, outputs: 2, batch: 2);

        const float h = 1e-3f;
        for (var i = 0; i < a.Length; i++)
        {
            var plus = (float[])a.Clone();
            var minus = (float[])a.Clone();
            plus[i] += h;
            minus[i] -= h;
            var expected = (cost.Sum(plus, y, 2, 2) - cost.Sum(minus, y, 2, 2)) / (2 * h);
            Assert.True(Math.Abs(g[i] - expected) <= 1e-3 * Math.Max(1, Math.Abs(expected)), $"{name}: g[{i}] = {g[i]}, finite difference {expected}");
        }
    }
}
