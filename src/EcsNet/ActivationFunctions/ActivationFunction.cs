namespace EcsNet.ActivationFunctions;

/// <summary>The lectures' activation functions by name.</summary>
public static class ActivationFunction
{
    /// <summary>The threshold unit of the perceptron.</summary>
    public static readonly IActivationFunction Step = new Step();

    /// <summary>sign(z) ∈ {−1, +1}.</summary>
    public static readonly IActivationFunction Sign = new Sign();

    /// <summary>The identity.</summary>
    public static readonly IActivationFunction Linear = new Linear();

    /// <summary>The logistic sigmoid σ.</summary>
    public static readonly IActivationFunction Sigmoid = new Sigmoid();

    /// <summary>The hyperbolic tangent.</summary>
    public static readonly IActivationFunction Tanh = new Tanh();

    /// <summary>tanh's piecewise-linear cousin.</summary>
    public static readonly IActivationFunction HardTanh = new HardTanh();

    /// <summary>The rectified linear unit.</summary>
    public static readonly IActivationFunction Relu = new Relu();

    /// <summary>ReLU with slope 0.01 below zero.</summary>
    public static readonly IActivationFunction LeakyRelu = new LeakyRelu();

    /// <summary>The normalised exponential over a layer.</summary>
    public static readonly IActivationFunction Softmax = new Softmax();

    /// <summary>Every built-in activation, in the order the decks introduce them.</summary>
    public static IReadOnlyList<IActivationFunction> All { get; } = [Step, Sign, Linear, Sigmoid, Tanh, HardTanh, Relu, LeakyRelu, Softmax];

    /// <summary>The names accepted by <see cref="ByName"/>.</summary>
    public static IReadOnlyList<string> Names { get; } = All.Select(a => a.Name).ToArray();

    /// <summary>Looks an activation up by its model-file name (case-insensitive; "identity" means linear;
    /// <c>leaky-relu:SLOPE</c> gives a leaky ReLU with that slope).</summary>
    /// <exception cref="ArgumentException">The name is unknown; the message lists the valid names.</exception>
    public static IActivationFunction ByName(string name)
    {
        var key = name.Trim().ToLowerInvariant();
        if (key is "identity")
        {
            return Linear;
        }

        if (key is "leakyrelu" or "leaky_relu")
        {
            return LeakyRelu;
        }

        if (ActivationFunctions.LeakyRelu.TryParse(key) is { } leaky)
        {
            return leaky;
        }

        return All.FirstOrDefault(a => a.Name == key)
            ?? throw new ArgumentException($"unknown activation '{name}' (valid: {string.Join(", ", Names)})", nameof(name));
    }
}
