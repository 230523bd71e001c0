namespace EcsNet.ActivationFunctions;

/// <summary>
/// The perceptron's threshold unit: 1 if z &gt; 0 (that is, Σ w_i x_i &gt; θ with the threshold folded into the bias
/// b = −θ), else 0. Its derivative is 0 almost everywhere, so it is trained with the perceptron rule, not backprop.
/// </summary>
public sealed class Step : ElementwiseActivationFunction
{
    /// <inheritdoc />
    public override string Name => "step";

    /// <inheritdoc />
    public override float Apply(float z) => z > 0f ? 1f : 0f;

    /// <inheritdoc />
    public override float Derivative(float z, float a) => 0f;
}
