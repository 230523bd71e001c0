using EcsNet.ActivationFunctions;

namespace EcsNet.Costs;

/// <summary>The lectures' costs by name.</summary>
public static class CostFunction
{
    /// <summary>C_x = ½‖y − a‖².</summary>
    public static readonly ICost Quadratic = new QuadraticCost();

    /// <summary>Binary cross-entropy (sigmoid outputs).</summary>
    public static readonly ICost CrossEntropy = new CrossEntropyCost();

    /// <summary>Categorical cross-entropy (softmax outputs).</summary>
    public static readonly ICost SoftmaxCrossEntropy = new SoftmaxCrossEntropyCost();

    /// <summary>The names accepted by <see cref="ByName"/>.</summary>
    public static IReadOnlyList<string> Names { get; } = ["quadratic", "cross-entropy", "softmax-cross-entropy"];

    /// <summary>
    /// Looks a cost up by name. "cross-entropy" picks the categorical form when the output layer is softmax and the
    /// binary form otherwise, as the decks use the one name for both.
    /// </summary>
    /// <exception cref="ArgumentException">The name is unknown; the message lists the valid names.</exception>
    public static ICost ByName(string name, IActivationFunction? output = null) => name.Trim().ToLowerInvariant() switch
    {
        "quadratic" or "mse" => Quadratic,
        "cross-entropy" or "crossentropy" or "ce" => output is Softmax ? SoftmaxCrossEntropy : CrossEntropy,
        "softmax-cross-entropy" => SoftmaxCrossEntropy,
        _ => throw new ArgumentException($"unknown cost '{name}' (valid: {string.Join(", ", Names)})", nameof(name)),
    };
}
