namespace EcsNet.Cli;

/// <summary>A usage or input error found by the CLI itself: printed as one line on stderr, exit code 2.</summary>
internal sealed class UsageException(string message) : Exception(message);
