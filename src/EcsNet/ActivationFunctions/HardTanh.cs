namespace EcsNet.ActivationFunctions;

/// <summary>hardtanh(z) = max(−1, min(1, z)); derivative 1 on (−1, 1), else 0.</summary>
public sealed class HardTanh : ElementwiseActivationFunction
{
    /// <inheritdoc />
    public override string Name => "hardtanh";

    /// <inheritdoc />
    public override float Apply(float z) => z < -1f ? -1f : z > 1f ? 1f : z;

    /// <inheritdoc />
    public override float Derivative(float z, float a) => z > -1f && z < 1f ? 1f : 0f;
}
