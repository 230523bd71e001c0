using System.Numerics.Tensors;
using System.Runtime.Intrinsics;

namespace EcsNet.ActivationFunctions;

/// <summary>tanh(z), tanh′(z) = 1 − tanh²(z).</summary>
public sealed class Tanh : ElementwiseActivationFunction
{
    /// <inheritdoc />
    public override string Name => "tanh";

    /// <inheritdoc />
    public override float Apply(float z) => MathF.Tanh(z);

    /// <inheritdoc />
    public override float Derivative(float z, float a) => 1f - a * a;

    /// <inheritdoc />
    public override void Forward(ReadOnlySpan<float> z, Span<float> a, int neurons, int batch)
        => TensorPrimitives.Tanh(z[..(neurons * batch)], a);

    /// <inheritdoc />
    public override void Backward(ReadOnlySpan<float> z, ReadOnlySpan<float> a, ReadOnlySpan<float> g, Span<float> delta, int neurons, int batch)
        => DeltaFromActivation.Apply<Rule>(a, g, delta, neurons * batch);

    /// <summary>δ = g · (1 − a²).</summary>
    private readonly struct Rule : DeltaFromActivation.IRule
    {
        public static Vector256<float> Delta(Vector256<float> a, Vector256<float> g) => g * (Vector256<float>.One - (a * a));

        public static float Delta(float a, float g) => g * (1f - (a * a));
    }
}
