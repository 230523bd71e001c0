namespace EcsNet.Cli.Commands;

/// <summary>How a command reports: a live progress bar, plain lines, only a summary, or JSON lines.</summary>
internal enum OutputMode
{
    /// <summary>A progress bar redrawn in place, and epoch lines (--verbosity bar; the default in a terminal).</summary>
    Live,

    /// <summary>One plain line per epoch (--verbosity epochs; the default when stdout is redirected).</summary>
    Plain,

    /// <summary>No per-epoch output, only the summary (--quiet, --verbosity quiet).</summary>
    Quiet,

    /// <summary>Only JSON lines on stdout (--json).</summary>
    Json,
}

/// <summary>Chooses the <see cref="OutputMode"/>.</summary>
internal static class OutputModes
{
    /// <summary>--json wins, then --quiet, then --verbosity, then what suits the terminal.</summary>
    public static OutputMode Of(CliContext context, bool json, bool quiet, string? verbosity = null)
    {
        if (json)
        {
            return OutputMode.Json;
        }

        if (quiet)
        {
            return OutputMode.Quiet;
        }

        return verbosity switch
        {
            "quiet" => OutputMode.Quiet,
            "epochs" => OutputMode.Plain,
            "bar" => OutputMode.Live,
            _ => context.Interactive ? OutputMode.Live : OutputMode.Plain,
        };
    }
}
