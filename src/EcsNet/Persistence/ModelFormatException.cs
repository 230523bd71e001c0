namespace EcsNet.Persistence;

/// <summary>
/// Thrown when a model file or a <see cref="ModelSpec"/> is invalid. The message is one line:
/// source, JSON path of the offending field (e.g. <c>layers[1].weights[0][2]</c>) and the problem.
/// </summary>
public sealed class ModelFormatException : Exception
{
    /// <summary>Creates the exception; the message is "source: path: problem".</summary>
    /// <param name="source">File path or other source name.</param>
    /// <param name="jsonPath">JSON path of the offending field, or null when the problem concerns the whole document.</param>
    /// <param name="problem">What is wrong.</param>
    /// <param name="inner">The low-level exception that revealed the problem, if any.</param>
    public ModelFormatException(string source, string? jsonPath, string problem, Exception? inner = null)
        : base(jsonPath is null ? $"{source}: {problem}" : $"{source}: {jsonPath}: {problem}", inner)
    {
        Source = source;
        JsonPath = jsonPath;
        Problem = problem;
    }

    /// <summary>File path or source name (hides <see cref="Exception.Source"/>, which names an assembly).</summary>
    public new string Source { get; }

    /// <summary>JSON path of the offending field, or null.</summary>
    public string? JsonPath { get; }

    /// <summary>The problem description without source and path.</summary>
    public string Problem { get; }
}
