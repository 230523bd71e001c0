namespace EcsNet.Data;

/// <summary>
/// Thrown when a data file or stream is malformed. The message is a single line naming the source,
/// the line/record and column where relevant, and the problem.
/// </summary>
public sealed class DataFormatException : Exception
{
    /// <summary>Creates the exception; the message is prefixed with the source name.</summary>
    /// <param name="source">File path or stream name the bad data came from.</param>
    /// <param name="problem">What is wrong, with the line/record and column where relevant.</param>
    /// <param name="inner">The low-level exception that revealed the problem, if any.</param>
    public DataFormatException(string source, string problem, Exception? inner = null)
        : base($"{source}: {problem}", inner)
    {
        Source = source;
        Problem = problem;
    }

    /// <summary>File path or stream name the bad data came from (hides <see cref="Exception.Source"/>, which names an assembly).</summary>
    public new string Source { get; }

    /// <summary>The problem description without the source prefix.</summary>
    public string Problem { get; }
}
