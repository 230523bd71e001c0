using System.Globalization;
using EcsNet.ActivationFunctions;

namespace EcsNet.Cli.Options;

/// <summary>Parsers for the comma lists the options take; failures are <see cref="UsageException"/>s naming the option.</summary>
internal static class Parse
{
    /// <summary>Layer sizes such as <c>784,30,10</c>: at least two positive integers.</summary>
    public static int[] Layers(string text, string option = "--layers")
    {
        var parts = Split(text);
        var sizes = new int[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!int.TryParse(parts[i], NumberStyles.Integer, CultureInfo.InvariantCulture, out sizes[i]) || sizes[i] <= 0)
            {
                throw new UsageException($"{option} '{text}': '{parts[i]}' is not a positive layer size (as in 784,30,10)");
            }
        }

        return sizes.Length >= 2
            ? sizes
            : throw new UsageException($"{option} '{text}': give at least an input and an output size (as in 784,30,10)");
    }

    /// <summary>A comma list of finite numbers (invariant culture).</summary>
    public static float[] Numbers(string text, string option)
    {
        var parts = Split(text);
        var values = new float[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!float.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out values[i]) || !float.IsFinite(values[i]))
            {
                throw new UsageException($"{option} '{text}': '{parts[i]}' is not a finite number");
            }
        }

        return values.Length > 0 ? values : throw new UsageException($"{option}: give at least one number");
    }

    /// <summary>
    /// One activation per non-input layer from one name (all layers) or a comma list (one per layer).
    /// </summary>
    public static IActivationFunction[] Activations(string text, int layers)
    {
        var names = Split(text);
        if (names.Length != 1 && names.Length != layers)
        {
            throw new UsageException($"--activation '{text}': give one name for all {layers} layers or exactly {layers} comma-separated names");
        }

        var functions = names.Select(Activation).ToArray();
        return functions.Length == 1 ? Enumerable.Repeat(functions[0], layers).ToArray() : functions;
    }

    /// <summary>An activation by name; unknown names list the valid ones.</summary>
    public static IActivationFunction Activation(string name)
    {
        try
        {
            return ActivationFunction.ByName(name);
        }
        catch (ArgumentException)
        {
            throw new UsageException($"--activation: unknown activation '{name}' (valid: {string.Join(", ", ActivationFunction.Names)})");
        }
    }

    /// <summary>Comma-separated, trimmed, non-empty parts.</summary>
    public static string[] Split(string text)
        => text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
}
