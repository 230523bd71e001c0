namespace EcsNet.Persistence;

/// <summary>The activation names valid in a model file.</summary>
public static class ActivationNames
{
    /// <summary>All valid names, in the order the decks introduce them (as <see cref="ActivationFunctions.ActivationFunction.All"/>).</summary>
    public static readonly IReadOnlyList<string> All = ["step", "sign", "linear", "sigmoid", "tanh", "hardtanh", "relu", "leaky-relu", "softmax"];

    /// <summary>Whether <paramref name="name"/> is a valid activation name (exact, case-sensitive).</summary>
    /// <param name="name">Name to check.</param>
    public static bool IsValid(string? name) => name is not null && All.Contains(name);
}
