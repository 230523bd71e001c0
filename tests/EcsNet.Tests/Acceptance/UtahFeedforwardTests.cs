using EcsNet.ActivationFunctions;
using EcsNet.Training;

namespace EcsNet.Tests.Acceptance;

/// <summary>
/// Utah State CS 5600, lecture 3: the 2×3×1 network and its four feedforward equations, Z⁽²⁾ = XW⁽¹⁾, a⁽²⁾ = f(Z⁽²⁾),
/// Z⁽³⁾ = a⁽²⁾W⁽²⁾, Ŷ = f(Z⁽³⁾), with X one sample per row, plus a bias row. The ECS pass (synapses accumulate w·a into
/// z, neurons apply f) must give the same numbers as the matrix form computed here in double precision.
/// </summary>
public sealed class UtahFeedforwardTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(42)]
    [InlineData(2026)]
    public void EcsForwardPassEqualsTheFourMatrixEquations(long seed)
    {
        using var net = new NetworkBuilder().Input(2).Dense(3, ActivationFunction.Sigmoid).Dense(1, ActivationFunction.Sigmoid)
            .Build(Initializer.Gaussian, seed);

        // W⁽¹⁾ is 2×3 and W⁽²⁾ is 3×1 in the deck's row-vector convention: W[k, j] = w_jk.
        var w1 = new double[2, 3];
        var w2 = new double[3, 1];
        foreach (var s in net.Synapses())
        {
            (s.ToLayer == 1 ? w1 : w2)[s.FromIndex, s.ToIndex] = s.Weight;
        }

        double[] b2 = [net.GetBias(1, 0), net.GetBias(1, 1), net.GetBias(1, 2)];
        double b3 = net.GetBias(2, 0);

        // X: a batch of m random samples, one per row, fed as one mini-batch.
        const int m = 16;
        var random = new SeededRandom(seed + 1000);
        var x = new float[m * 2];
        for (var i = 0; i < x.Length; i++)
        {
            x[i] = (float)random.NextUniform(-3, 3);
        }

        net.LoadBatch(x, [], m);
        net.Forward();

        for (var b = 0; b < m; b++)
        {
            // Equations 1 and 2.
            var a2 = new double[3];
            for (var j = 0; j < 3; j++)
            {
                var z2 = x[b * 2] * w1[0, j] + x[b * 2 + 1] * w1[1, j] + b2[j];
                a2[j] = Sigmoid(z2);
                Assert.True(Math.Abs(net.Value(NeuronValue.NetInput, 1, j, b) - z2) < 1e-6 * Math.Max(1, Math.Abs(z2)), $"z2[{b},{j}]");
                Assert.True(Math.Abs(net.Value(NeuronValue.Activation, 1, j, b) - a2[j]) < 1e-6, $"a2[{b},{j}]");
            }

            // Equations 3 and 4.
            var z3 = a2[0] * w2[0, 0] + a2[1] * w2[1, 0] + a2[2] * w2[2, 0] + b3;
            var yHat = Sigmoid(z3);
            Assert.True(Math.Abs(net.Value(NeuronValue.NetInput, 2, 0, b) - z3) < 1e-6 * Math.Max(1, Math.Abs(z3)), $"z3[{b}]");
            Assert.True(Math.Abs(net.Outputs[b] - yHat) < 1e-6, $"ŷ[{b}] = {net.Outputs[b]}, matrix form {yHat}");
        }
    }

    private static double Sigmoid(double z) => 1.0 / (1.0 + Math.Exp(-z));
}
