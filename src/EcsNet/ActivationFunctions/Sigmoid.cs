using System.Numerics.Tensors;

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
    {
        var n = neurons * batch;
        // δ = g · a · (1 − a), vectorised: (a − a²) · g.
        var d = delta[..n];
        TensorPrimitives.Multiply(a[..n], a[..n], d);
        TensorPrimitives.Subtract(a[..n], d, d);
        TensorPrimitives.Multiply(d, g[..n], d);
    }
}
