namespace EcsNet.ActivationFunctions;

/// <summary>An activation applied to each neuron alone: a_j = f(z_j), with derivative f′(z_j).</summary>
public abstract class ElementwiseActivationFunction : IActivationFunction
{
    /// <inheritdoc />
    public abstract string Name { get; }

    /// <summary>f(z).</summary>
    public abstract float Apply(float z);

    /// <summary>f′(z); <paramref name="a"/> = f(z) is given because sigmoid and tanh are cheapest from it.</summary>
    public abstract float Derivative(float z, float a);

    /// <inheritdoc />
    public virtual void Forward(ReadOnlySpan<float> z, Span<float> a, int neurons, int batch)
    {
        var n = neurons * batch;
        for (var i = 0; i < n; i++)
        {
            a[i] = Apply(z[i]);
        }
    }

    /// <inheritdoc />
    public virtual void Backward(ReadOnlySpan<float> z, ReadOnlySpan<float> a, ReadOnlySpan<float> g, Span<float> delta, int neurons, int batch)
    {
        var n = neurons * batch;
        for (var i = 0; i < n; i++)
        {
            delta[i] = g[i] * Derivative(z[i], a[i]);
        }
    }

    /// <inheritdoc />
    public override string ToString() => Name;
}
