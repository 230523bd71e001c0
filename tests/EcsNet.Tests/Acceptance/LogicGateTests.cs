using EcsNet.ActivationFunctions;

namespace EcsNet.Tests.Acceptance;

/// <summary>
/// CENG 506, lecture 3: logic gates from single sigmoid units with hand-set weights, f_w(x) = g(w₀ + w₁x₁ + w₂x₂),
/// and XNOR as a two-layer network of them.
/// </summary>
public sealed class LogicGateTests
{
    // g(±10) is 4.5e-5 from 0 or 1, so "≈ 0" and "≈ 1" of the deck's tables hold to 1e-4.
    private const double Tolerance = 1e-4;

    [Theory]
    [InlineData("AND", -30f, 20f, 20f, new[] { 0, 0, 0, 1 })] // g(−30 + 20x₁ + 20x₂)
    [InlineData("OR", -10f, 20f, 20f, new[] { 0, 1, 1, 1 })] // g(−10 + 20x₁ + 20x₂)
    [InlineData("NAND", 30f, -20f, -20f, new[] { 1, 1, 1, 0 })] // the AND unit negated: g(30 − 20x₁ − 20x₂)
    [InlineData("(NOT x1) AND (NOT x2)", 10f, -20f, -20f, new[] { 1, 0, 0, 0 })] // g(10 − 20x₁ − 20x₂)
    public void SingleSigmoidUnitGivesTheDecksTruthTable(string gate, float w0, float w1, float w2, int[] expected)
    {
        using var net = new NetworkBuilder().Input(2).Dense(1, ActivationFunction.Sigmoid)
            .Weights(1, [[w1, w2]]).Biases(1, [w0]).Build();

        for (var i = 0; i < 4; i++)
        {
            var x = TestNetworks.GateInputs[i];
            var a = TestNetworks.Output(net, x);
            Assert.True(Math.Abs(a - expected[i]) < Tolerance, $"{gate}({x[0]}, {x[1]}) = {a}, expected ≈ {expected[i]}");
        }

        // The deck's middle column: g(−30), g(−10), g(−10), g(10) for AND, for instance.
        var z = w0 + w1 + w2;
        Assert.Equal(1.0 / (1.0 + Math.Exp(-z)), TestNetworks.Output(net, 1, 1), 1e-6);
    }

    [Fact]
    public void XnorNetworkGivesTheDecksTableIncludingHiddenActivations()
    {
        // Hidden unit 1: x₁ AND x₂ (−30, 20, 20); hidden unit 2: (NOT x₁) AND (NOT x₂) (10, −20, −20);
        // output: a₁ OR a₂ (−10, 20, 20).
        using var net = new NetworkBuilder()
            .Input(2)
            .Dense(2, ActivationFunction.Sigmoid).Weights(1, [[20f, 20f], [-20f, -20f]]).Biases(1, [-30f, 10f])
            .Dense(1, ActivationFunction.Sigmoid).Weights(2, [[20f, 20f]]).Biases(2, [-10f])
            .Build();

        // x₁ x₂ | a₁⁽²⁾ a₂⁽²⁾ | f_w(x), from the deck.
        int[][] table = [[0, 0, 0, 1, 1], [0, 1, 0, 0, 0], [1, 0, 0, 0, 0], [1, 1, 1, 0, 1]];
        foreach (var row in table)
        {
            var output = TestNetworks.Output(net, row[0], row[1]);
            var a1 = net.Value(NeuronValue.Activation, 1, 0);
            var a2 = net.Value(NeuronValue.Activation, 1, 1);
            Assert.True(Math.Abs(a1 - row[2]) < Tolerance, $"a1(2) for ({row[0]}, {row[1]}) = {a1}");
            Assert.True(Math.Abs(a2 - row[3]) < Tolerance, $"a2(2) for ({row[0]}, {row[1]}) = {a2}");
            Assert.True(Math.Abs(output - row[4]) < Tolerance, $"XNOR({row[0]}, {row[1]}) = {output}");

            // The same numbers as the lecture's one-sample view: the Activation component of the hidden neuron entities.
            Assert.Equal(a1, net.World.Get<Components.Activation>(net.NeuronEntity(1, 0)).Value);
            Assert.Equal(a2, net.World.Get<Components.Activation>(net.NeuronEntity(1, 1)).Value);
        }
    }
}
