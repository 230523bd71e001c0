using EcsNet.Data;

namespace EcsNet.Cli.Rendering;

/// <summary>
/// The Playground's input features computed from a point (x₁, x₂): x₁, x₂, x₁², x₂², x₁x₂, sin x₁ and sin x₂. The
/// network sees the chosen features; the pictures still show the points in the plane.
/// </summary>
internal sealed class PlaygroundFeatures
{
    private static readonly (string Name, Func<float, float, float> F)[] Known =
    [
        ("x1", (a, _) => a),
        ("x2", (_, b) => b),
        ("x1^2", (a, _) => a * a),
        ("x2^2", (_, b) => b * b),
        ("x1x2", (a, b) => a * b),
        ("sinx1", (a, _) => MathF.Sin(a)),
        ("sinx2", (_, b) => MathF.Sin(b)),
    ];

    private readonly Func<float, float, float>[] _functions;

    private PlaygroundFeatures(string[] names, Func<float, float, float>[] functions)
    {
        Names = names;
        _functions = functions;
    }

    /// <summary>The Playground's default: the coordinates themselves.</summary>
    public static PlaygroundFeatures Plain { get; } = Parse("x1,x2");

    /// <summary>The features, in input order.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>n_0, the network's input size.</summary>
    public int Count => _functions.Length;

    /// <summary>Parses a comma list of x1, x2, x1^2, x2^2, x1x2, sinx1, sinx2 (also x1², sin(x1) …).</summary>
    public static PlaygroundFeatures Parse(string text)
    {
        var names = Options.Parse.Split(text);
        if (names.Length == 0)
        {
            throw new UsageException("--features: give at least one feature (valid: x1, x2, x1^2, x2^2, x1x2, sinx1, sinx2)");
        }

        var functions = new Func<float, float, float>[names.Length];
        for (var i = 0; i < names.Length; i++)
        {
            var key = names[i].ToLowerInvariant().Replace("²", "^2", StringComparison.Ordinal).Replace("(", "", StringComparison.Ordinal)
                .Replace(")", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal).Replace("*", "", StringComparison.Ordinal);
            var match = Array.FindIndex(Known, k => k.Name == key);
            if (match < 0)
            {
                throw new UsageException($"--features: unknown feature '{names[i]}' (valid: x1, x2, x1^2, x2^2, x1x2, sinx1, sinx2)");
            }

            functions[i] = Known[match].F;
            names[i] = Known[match].Name;
        }

        if (names.Distinct().Count() != names.Length)
        {
            throw new UsageException($"--features '{text}': a feature is given twice");
        }

        return new PlaygroundFeatures(names, functions);
    }

    /// <summary>Writes the features of (x₁, x₂) into <paramref name="into"/>.</summary>
    public void Map(float x1, float x2, Span<float> into)
    {
        for (var i = 0; i < _functions.Length; i++)
        {
            into[i] = _functions[i](x1, x2);
        }
    }

    /// <summary>The points of <paramref name="points"/> as feature vectors, with their targets and labels.</summary>
    public DataSet Apply(DataSet points)
    {
        var inputs = new float[points.Count * Count];
        for (var i = 0; i < points.Count; i++)
        {
            var x = points.Input(i);
            Map(x[0], x[1], inputs.AsSpan(i * Count, Count));
        }

        return new DataSet(points.Name, inputs, points.Targets, Count, points.OutputSize, points.Labels, points.ClassNames);
    }
}
