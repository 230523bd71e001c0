namespace EcsNet.Cli.Commands;

/// <summary>How a command reports: decorated live progress, plain lines, only a summary, or JSON lines.</summary>
internal enum OutputMode
{
    /// <summary>Spectre progress bars and colours (stdout is a terminal).</summary>
    Live,

    /// <summary>One plain line per epoch (stdout redirected).</summary>
    Plain,

    /// <summary>No per-epoch output (--quiet).</summary>
    Quiet,

    /// <summary>Only JSON lines on stdout (--json).</summary>
    Json,
}

/// <summary>Chooses the <see cref="OutputMode"/>.</summary>
internal static class OutputModes
{
    public static OutputMode Of(CliContext context, bool json, bool quiet)
        => json ? OutputMode.Json : quiet ? OutputMode.Quiet : context.Interactive ? OutputMode.Live : OutputMode.Plain;
}
