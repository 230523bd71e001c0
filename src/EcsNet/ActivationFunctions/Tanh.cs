using System.Numerics.Tensors;

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
}
