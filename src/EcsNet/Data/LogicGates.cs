namespace EcsNet.Data;

/// <summary>
/// The two-input logic gates of the lectures as four-row data sets: inputs (0,0), (0,1), (1,0), (1,1) in that order,
/// one numeric target 0 or 1 (<see cref="DataSet.Labels"/> is null).
/// </summary>
public static class LogicGates
{
    /// <summary>The gate names accepted by <see cref="ByName"/>.</summary>
    public static IReadOnlyList<string> Names { get; } = ["and", "or", "nand", "xor", "xnor"];

    /// <summary>x₁ AND x₂.</summary>
    public static DataSet And() => Build("and", static (a, b) => a & b);

    /// <summary>x₁ OR x₂.</summary>
    public static DataSet Or() => Build("or", static (a, b) => a | b);

    /// <summary>NOT (x₁ AND x₂).</summary>
    public static DataSet Nand() => Build("nand", static (a, b) => !(a & b));

    /// <summary>x₁ XOR x₂ (not linearly separable).</summary>
    public static DataSet Xor() => Build("xor", static (a, b) => a ^ b);

    /// <summary>NOT (x₁ XOR x₂).</summary>
    public static DataSet Xnor() => Build("xnor", static (a, b) => !(a ^ b));

    /// <summary>The gate named <paramref name="name"/> (case-insensitive: and, or, nand, xor, xnor).</summary>
    /// <param name="name">Gate name.</param>
    /// <exception cref="ArgumentException">Unknown name; the message lists the valid ones.</exception>
    public static DataSet ByName(string name) => name?.ToLowerInvariant() switch
    {
        "and" => And(),
        "or" => Or(),
        "nand" => Nand(),
        "xor" => Xor(),
        "xnor" => Xnor(),
        _ => throw new ArgumentException($"Unknown logic gate '{name}'; valid: {string.Join(", ", Names)}.", nameof(name)),
    };

    private static DataSet Build(string name, Func<bool, bool, bool> gate)
    {
        var inputs = new float[8];
        var targets = new float[4];
        var labels = new int[4];
        for (int i = 0; i < 4; i++)
        {
            bool a = (i & 2) != 0, b = (i & 1) != 0;
            inputs[2 * i] = a ? 1 : 0;
            inputs[2 * i + 1] = b ? 1 : 0;
            targets[i] = gate(a, b) ? 1 : 0;
            labels[i] = (int)targets[i];
        }
        // Labels make the gates classes (false, true), so reports show accuracy and a confusion matrix.
        return new DataSet(name, inputs, targets, 2, 1, labels);
    }
}
