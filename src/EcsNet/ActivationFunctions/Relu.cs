using System.Numerics.Tensors;

namespace EcsNet.ActivationFunctions;

/// <summary>ReLU: max(0, z); derivative 1 for z &gt; 0, else 0 (a unit stuck at z ≤ 0 is a dead ReLU).</summary>
public sealed class Relu : ElementwiseActivationFunction
{
    /// <inheritdoc />
    public override string Name => "relu";

    /// <inheritdoc />
    public override float Apply(float z) => z > 0f ? z : 0f;

    /// <inheritdoc />
    public override float Derivative(float z, float a) => z > 0f ? 1f : 0f;

    /// <inheritdoc />
    public override void Forward(ReadOnlySpan<float> z, Span<float> a, int neurons, int batch)
        => TensorPrimitives.Max(z[..(neurons * batch)], 0f, a);
}
