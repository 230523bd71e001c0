using EcsNet.ActivationFunctions;
using EcsNet.Data;
using EcsNet.Rules;

namespace EcsNet.Tests.Rules;

public class DeltaRuleTests
{
    // A small regression: t ≈ 1 + 2x₁ − x₂ with noise.
    private static readonly float[][] X = [[0, 0], [1, 0], [0, 1], [1, 1], [2, 1]];
    private static readonly float[] T = [0.9f, 3.1f, 0.1f, 2.0f, 4.2f];

    // Its least-squares solution, from the normal equations XᵀX (b, w₁, w₂) = Xᵀt with
    // XᵀX = [[5, 4, 3], [4, 6, 3], [3, 3, 3]] and Xᵀt = (10.3, 13.3, 6.4): b = 0.96, w = (2.08, −0.94), E = 0.012.
    private const double LeastSquaresB = 0.96, LeastSquaresW1 = 2.08, LeastSquaresW2 = -0.94, MinimumError = 0.012;

    private static DataSet Regression() => new("regression", X.SelectMany(x => x).ToArray(), T, 2, 1);

    private static Network Start() => new NetworkBuilder().Input(2).Dense(1, ActivationFunction.Linear)
        .Weights(1, [[0.1f, -0.2f]]).Biases(1, [0.05f]).Build();

    [Fact]
    public void BatchEpochOneByHand()
    {
        using var network = Start();

        var result = DeltaRule.Train(network, Regression(), GradientDescentMode.Batch, learningRate: 0.05f, epochs: 1);

        // o_d = 0.05 + 0.1x₁ − 0.2x₂ = (0.05, 0.15, −0.15, −0.05, 0.05), t − o = (0.85, 2.95, 0.25, 2.05, 4.15).
        // E(w⁰) = ½(0.7225 + 8.7025 + 0.0625 + 4.2025 + 17.2225) = 15.45625.
        Assert.Equal(15.45625, result.InitialError, 5);
        // Δb = 0.05·Σ(t − o) = 0.05·10.25; Δw₁ = 0.05·(2.95 + 2.05 + 2·4.15) = 0.05·13.3; Δw₂ = 0.05·(0.25 + 2.05 + 4.15) = 0.05·6.45.
        AssertParameters(network, 0.05 + 0.5125, 0.1 + 0.665, -0.2 + 0.3225, 1e-6);
        // o = (0.5625, 1.3275, 0.685, 1.45, 2.215), t − o = (0.3375, 1.7725, −0.585, 0.55, 1.985): E = ½·7.8406125.
        Assert.Equal(3.92030625, Assert.Single(result.ErrorPerEpoch), 1e-5);
        Assert.Equal(1, result.Epochs);
        Assert.False(result.ReachedThreshold);
    }

    [Fact]
    public void IncrementalEpochOneByHand()
    {
        using var network = Start();

        DeltaRule.Train(network, Regression(), GradientDescentMode.Incremental, learningRate: 0.05f, epochs: 1);

        // The deck's incremental rule w_i ← w_i + η(t − o)x_i, example by example, in double.
        double b = 0.05, w1 = 0.1, w2 = -0.2;
        for (var d = 0; d < X.Length; d++)
        {
            var step = 0.05 * (T[d] - (b + w1 * X[d][0] + w2 * X[d][1]));
            (b, w1, w2) = (b + step, w1 + step * X[d][0], w2 + step * X[d][1]);
        }

        // First example: o = 0.05, b += 0.05·0.85 only (x = 0). After all five: b = 0.492661, w = (0.663207, 0.054786).
        Assert.Equal((0.492661, 0.663207, 0.054786), (Math.Round(b, 6), Math.Round(w1, 6), Math.Round(w2, 6)));
        AssertParameters(network, b, w1, w2, 1e-6);
    }

    [Fact]
    public void BatchModeConvergesToTheLeastSquaresSolution()
    {
        using var network = Start();

        var result = DeltaRule.Train(network, Regression(), GradientDescentMode.Batch, learningRate: 0.05f, epochs: 500);

        AssertParameters(network, LeastSquaresB, LeastSquaresW1, LeastSquaresW2, 1e-4);
        Assert.Equal(MinimumError, result.FinalError, 6);
        // With η below 2/λ_max of XᵀX every batch step lowers E (checked while E is well above float rounding).
        var early = result.ErrorPerEpoch.Take(150).ToArray();
        Assert.All(early.Zip(early.Skip(1)), p => Assert.True(p.Second < p.First));
    }

    [Fact]
    public void IncrementalModeApproachesTheLeastSquaresSolution()
    {
        using var network = Start();

        var result = DeltaRule.Train(network, Regression(), GradientDescentMode.Incremental, learningRate: 0.05f, epochs: 1000);

        // With a fixed η it settles into a small cycle near the minimum rather than on it.
        AssertParameters(network, LeastSquaresB, LeastSquaresW1, LeastSquaresW2, 1e-2);
        Assert.InRange(result.FinalError, MinimumError, MinimumError * 1.01);
        Assert.True(result.FinalError < result.InitialError / 1000);
    }

    [Fact]
    public void StopsAtTheErrorThreshold()
    {
        using var network = Start();

        var result = DeltaRule.Train(network, Regression(), GradientDescentMode.Batch, learningRate: 0.05f, epochs: 500, errorThreshold: 1.0);

        Assert.True(result.ReachedThreshold);
        Assert.True(result.FinalError <= 1.0);
        Assert.True(result.ErrorPerEpoch.Take(result.Epochs - 1).All(e => e > 1.0));
        Assert.Equal(result.FinalError, DeltaRule.Error(network, Regression()), 12);
    }

    [Fact]
    public void BatchEpochWithAFrozenBiasMovesOnlyTheWeights()
    {
        using var network = Start();
        network.FreezeBiases();

        var result = DeltaRule.Train(network, Regression(), GradientDescentMode.Batch, learningRate: 0.05f, epochs: 1);

        // Δw as in BatchEpochOneByHand (the weights' steps do not depend on the bias's): w = (0.765, 0.1225); b stays 0.05.
        AssertParameters(network, 0.05, 0.765, 0.1225, 1e-6);
        // o = (0.05, 0.815, 0.1725, 0.9375, 1.6925), t − o = (0.85, 2.285, −0.0725, 1.0625, 2.5075): E = ½·13.31539375.
        Assert.Equal(6.657696875, Assert.Single(result.ErrorPerEpoch), 1e-5);
    }

    [Fact]
    public void IncrementalEpochWithAFrozenBiasMovesOnlyTheWeights()
    {
        using var network = Start();
        network.FreezeBiases();

        DeltaRule.Train(network, Regression(), GradientDescentMode.Incremental, learningRate: 0.05f, epochs: 1);

        // η(t − o) per example with b = 0.05 held: 0.0425 (x = 0: nothing moves), 0.1475 → w₁ = 0.2475,
        // 0.0125 → w₂ = −0.1875, 0.0945 → w = (0.342, −0.093), 0.17795 → w = (0.342 + 2·0.17795, −0.093 + 0.17795).
        AssertParameters(network, 0.05, 0.6979, 0.08495, 1e-6);
    }

    [Fact]
    public void RejectsNonLinearUnitsAndBadArguments()
    {
        using var sigmoid = new NetworkBuilder().Input(2).Dense(1, ActivationFunction.Sigmoid).Build();
        using var network = Start();

        Assert.Contains("linear", Assert.Throws<ArgumentException>(() => DeltaRule.Train(sigmoid, Regression(), GradientDescentMode.Batch)).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => DeltaRule.Train(network, Regression(), GradientDescentMode.Batch, learningRate: -1f));
        Assert.Throws<ArgumentOutOfRangeException>(() => DeltaRule.Train(network, Regression(), GradientDescentMode.Batch, epochs: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => DeltaRule.Train(network, Regression(), (GradientDescentMode)7));
        Assert.Throws<ArgumentException>(() => DeltaRule.Train(network, new DataSet("wide", new float[3], new float[1], 3, 1), GradientDescentMode.Batch));
    }

    private static void AssertParameters(Network network, double b, double w1, double w2, double tolerance)
    {
        var w = network.Synapses().OrderBy(s => s.FromIndex).Select(s => (double)s.Weight).ToArray();
        Assert.InRange(network.GetBias(1, 0), b - tolerance, b + tolerance);
        Assert.InRange(w[0], w1 - tolerance, w1 + tolerance);
        Assert.InRange(w[1], w2 - tolerance, w2 + tolerance);
    }
}
