using System.Numerics.Tensors;
using System.Runtime.Intrinsics;

namespace EcsNet.ActivationFunctions;

/// <summary>σ(z) = 1 / (1 + e^−z), σ′(z) = σ(z)(1 − σ(z)).</summary>
public sealed class Sigmoid : ElementwiseActivationFunction
{
    /// <inheritdoc />
    public override string Name => "sigmoid";

    /// <inheritdoc />
    public override float Apply(float z) => 1f / (1f + MathF.Exp(-z));

    /// <inheritdoc />
    public override float Derivative(float z, float a) => a * (1f - a);

    /// <inheritdoc />
    public override void Forward(ReadOnlySpan<float> z, Span<float> a, int neurons, int batch)
        => TensorPrimitives.Sigmoid(z[..(neurons * batch)], a);

    /// <inheritdoc />
    public override void Backward(ReadOnlySpan<float> z, ReadOnlySpan<float> a, ReadOnlySpan<float> g, Span<float> delta, int neurons, int batch)
        => DeltaFromActivation.Apply<Rule>(a, g, delta, neurons * batch);

    /// <summary>δ = (a − a²) · g.</summary>
    private readonly struct Rule : DeltaFromActivation.IRule
    {
        public static Vector256<float> Delta(Vector256<float> a, Vector256<float> g) => (a - (a * a)) * g;

        public static float Delta(float a, float g) => (a - (a * a)) * g;
    }
}
