namespace EcsNet.ActivationFunctions;

/// <summary>sign(z): +1 if z &gt; 0, else −1 (the Garreta deck's perceptron output); derivative 0 almost everywhere.</summary>
public sealed class Sign : ElementwiseActivationFunction
{
    /// <inheritdoc />
    public override string Name => "sign";

    /// <inheritdoc />
    public override float Apply(float z) => z > 0f ? 1f : -1f;

    /// <inheritdoc />
    public override float Derivative(float z, float a) => 0f;
}
