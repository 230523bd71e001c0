namespace EcsNet.Persistence;

/// <summary>The activation names valid in a model file.</summary>
public static class ActivationNames
{
    /// <summary>All valid names, in the order the decks introduce them (as <see cref="ActivationFunctions.ActivationFunction.All"/>).</summary>
    public static readonly IReadOnlyList<string> All = ["step", "sign", "linear", "sigmoid", "tanh", "hardtanh", "relu", "leaky-relu", "softmax"];

    /// <summary>Whether <paramref name="name"/> is a valid activation name (exact, case-sensitive).</summary>
    /// <param name="name">Name to check.</param>
    public static bool IsValid(string? name) => name is not null && (All.Contains(name) || IsLeakyWithSlope(name));

    /// <summary><c>leaky-relu:SLOPE</c> with a slope in [0, 1).</summary>
    private static bool IsLeakyWithSlope(string name)
        => name.StartsWith("leaky-relu:", StringComparison.Ordinal)
            && float.TryParse(name.AsSpan("leaky-relu:".Length), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var slope)
            && slope is >= 0f and < 1f;
}
