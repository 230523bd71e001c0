namespace EcsNet.ActivationFunctions;

/// <summary>Identity f(z) = z (the linear unit of the delta rule); f′ = 1.</summary>
public sealed class Linear : ElementwiseActivationFunction
{
    /// <inheritdoc />
    public override string Name => "linear";

    /// <inheritdoc />
    public override float Apply(float z) => z;

    /// <inheritdoc />
    public override float Derivative(float z, float a) => 1f;

    /// <inheritdoc />
    public override void Forward(ReadOnlySpan<float> z, Span<float> a, int neurons, int batch)
        => z[..(neurons * batch)].CopyTo(a);
}
