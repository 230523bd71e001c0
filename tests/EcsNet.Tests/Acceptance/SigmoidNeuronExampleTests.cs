using EcsNet.ActivationFunctions;
using EcsNet.Costs;
using EcsNet.Training;

namespace EcsNet.Tests.Acceptance;

/// <summary>
/// CENG 506, lecture 3, "Example of weight update": f(w, x) = σ(w₀x₀ + w₁x₁ + w₂) with w = (2, −3, −3) and
/// x = (−1, −2) gives 0.73; the target is 0.43. The deck's rounds are reproduced exactly by plain gradient descent with
/// learning rate η = 1 on the quadratic cost C = ½(a − t)² (so ∂C/∂w_i = (a − t)·a(1 − a)·x_i), w₂ being the bias.
/// </summary>
public sealed class SigmoidNeuronExampleTests
{
    private const float Eta = 1f;
    private const double Tolerance = 0.01;

    [Fact]
    public void Rounds123And19MatchTheDeck()
    {
        // One sigmoid unit: two inputs x₀, x₁ with weights w₀, w₁, and w₂ as its bias.
        using var unit = new NetworkBuilder().Input(2).Dense(1, ActivationFunction.Sigmoid)
            .Weights(1, [[2f, -3f]]).Biases(1, [-3f]).Build();
        unit.Cost = CostFunction.Quadratic; // C = ½(a − t)²
        unit.LoadBatch([-1f, -2f], [0.43f], 1);

        unit.Forward();
        Assert.Equal(0.73, unit.Outputs[0], Tolerance);

        // Round → (w₀, w₁, w₂, function value after the update), as printed in the deck.
        var expected = new Dictionary<int, double[]>
        {
            [1] = [2.06, -2.88, -3.06, 0.66],
            [2] = [2.11, -2.78, -3.11, 0.58],
            [3] = [2.14, -2.70, -3.15, 0.53],
            [19] = [2.21, -2.57, -3.21, 0.43],
        };
        for (var round = 1; round <= 19; round++)
        {
            unit.TrainStep(Optimizer.Sgd, Eta);
            if (!expected.TryGetValue(round, out var deck))
            {
                continue;
            }

            var w = TestNetworks.WeightsByEnds(unit);
            var actual = new double[] { w[(0, 0, 1, 0)], w[(0, 1, 1, 0)], unit.GetBias(1, 0), 0 };
            unit.Forward();
            actual[3] = unit.Outputs[0];
            for (var i = 0; i < 4; i++)
            {
                Assert.True(Math.Abs(actual[i] - deck[i]) <= Tolerance,
                    $"round {round}: {(i < 3 ? $"w{i}" : "f")} = {actual[i]:F4}, the deck says {deck[i]}");
            }
        }
    }
}
