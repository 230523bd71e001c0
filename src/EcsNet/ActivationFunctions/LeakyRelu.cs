namespace EcsNet.ActivationFunctions;

/// <summary>Leaky ReLU: z for z &gt; 0, else 0.01 z; derivative 1 or 0.01, so no unit dies.</summary>
public sealed class LeakyRelu : ElementwiseActivationFunction
{
    /// <summary>The slope for z ≤ 0.</summary>
    public const float Slope = 0.01f;

    /// <inheritdoc />
    public override string Name => "leaky-relu";

    /// <inheritdoc />
    public override float Apply(float z) => z > 0f ? z : Slope * z;

    /// <inheritdoc />
    public override float Derivative(float z, float a) => z > 0f ? 1f : Slope;
}
