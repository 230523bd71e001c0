namespace EcsNet.Cli;

/// <summary>The process exit codes of <c>ecsnet</c>.</summary>
public static class ExitCodes
{
    /// <summary>The command did its job.</summary>
    public const int Success = 0;

    /// <summary>Training failed (the cost diverged); the last good model was kept.</summary>
    public const int TrainingFailure = 1;

    /// <summary>Bad usage or bad input: unknown option, malformed file, shape mismatch, invalid hyperparameter.</summary>
    public const int UsageError = 2;

    /// <summary>An internal error (a bug): BSD's EX_SOFTWARE.</summary>
    public const int InternalError = 70;

    /// <summary>Interrupted by Ctrl-C (128 + SIGINT), after saving with <c>--save</c>.</summary>
    public const int Interrupted = 130;
}
