using EcsNet.ActivationFunctions;

namespace EcsNet.Tests.ActivationFunctions;

public sealed class ActivationFunctionTests
{
    // Four neurons × two samples, neuron-major; no value sits on a kink (0 for ReLU, ±1 for hardtanh).
    private static readonly float[] Z = [-2.3f, 0.7f, -0.7f, 1.9f, 0.4f, -1.6f, 1.6f, 0.2f];
    private static readonly float[] G = [0.3f, -1.1f, 0.8f, 0.5f, -0.4f, 1.2f, 0.9f, -0.6f];
    private const int Neurons = 4, Batch = 2;

    public static TheoryData<string> Differentiable => ["linear", "sigmoid", "tanh", "hardtanh", "relu", "leaky-relu", "softmax"];

    [Theory]
    [MemberData(nameof(Differentiable))]
    public void BackwardIsTheDerivativeOfForward(string name)
    {
        var f = ActivationFunction.ByName(name);
        var a = Forward(f, Z);
        var delta = new float[Z.Length];
        f.Backward(Z, a, G, delta, Neurons, Batch);

        // δ_i = ∂(Σ_k g_k a_k)/∂z_i by central differences: softmax couples the neurons of a sample, so the sum runs over all.
        const float h = 1e-2f;
        for (var i = 0; i < Z.Length; i++)
        {
            var plus = (float[])Z.Clone();
            var minus = (float[])Z.Clone();
            plus[i] += h;
            minus[i] -= h;
            var expected = (Dot(G, Forward(f, plus)) - Dot(G, Forward(f, minus))) / (2 * h);
            Assert.True(Math.Abs(delta[i] - expected) <= 1e-3 * Math.Max(1, Math.Abs(expected)), $"{name}: δ[{i}] = {delta[i]}, finite difference {expected}");
        }
    }

    [Fact]
    public void SigmoidOfOneIsTheDecks073()
    {
        // The CENG 506 sigmoid-neuron example: z = 1 gives the output 0.73 (1 / (1 + e^−1) = 0.7310586).
        var a = Forward(ActivationFunction.Sigmoid, [1f]);
        Assert.Equal(1 / (1 + Math.Exp(-1)), a[0], 1e-6);
    }

    [Fact]
    public void SoftmaxOutputsOfEachSampleSumToOne()
    {
        var a = Forward(ActivationFunction.Softmax, Z);
        for (var b = 0; b < Batch; b++)
        {
            var sum = 0.0;
            for (var j = 0; j < Neurons; j++)
            {
                sum += a[(j * Batch) + b];
            }

            Assert.Equal(1.0, sum, 1e-6);
        }
    }

    private static float[] Forward(IActivationFunction f, float[] z)
    {
        var a = new float[z.Length];
        f.Forward(z, a, z.Length / Math.Min(Batch, z.Length), Math.Min(Batch, z.Length));
        return a;
    }

    private static double Dot(float[] x, float[] y) => x.Select((v, i) => (double)v * y[i]).Sum();
}
