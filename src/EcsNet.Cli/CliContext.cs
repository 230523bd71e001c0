using Spectre.Console;

namespace EcsNet.Cli;

/// <summary>Where a command writes, whether it may decorate, and the token Ctrl-C cancels.</summary>
internal sealed class CliContext(TextWriter stdout, TextWriter stderr, CancellationToken cancellation, bool interactive)
{
    /// <summary>Standard output: results, tables, JSON lines.</summary>
    public TextWriter Out { get; } = stdout;

    /// <summary>Standard error: the one-line error messages and warnings.</summary>
    public TextWriter Err { get; } = stderr;

    /// <summary>Cancelled by Ctrl-C: training stops after the current mini-batch.</summary>
    public CancellationToken Cancellation { get; } = cancellation;

    /// <summary>True when stdout is a terminal: colours, live progress bars and redrawn views are allowed.</summary>
    public bool Interactive { get; } = interactive;

    /// <summary>
    /// The terminal's width in columns (COLUMNS, else the console's), or 80 when stdout is not a terminal, so drawn
    /// rows never wrap.
    /// </summary>
    public int Width
    {
        get
        {
            if (int.TryParse(Environment.GetEnvironmentVariable("COLUMNS"), out var columns) && columns > 0)
            {
                return columns;
            }

            try
            {
                return Interactive && System.Console.WindowWidth > 0 ? System.Console.WindowWidth : 80;
            }
            catch (IOException)
            {
                return 80;
            }
        }
    }

    /// <summary>True when colour may be used: a terminal, and NO_COLOR (no-color.org) is not set.</summary>
    public bool Colour => Interactive && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));

    /// <summary>
    /// A Spectre console over <see cref="Out"/>. With <paramref name="decorated"/> false (or a redirected stdout)
    /// it writes no escape codes and assumes a wide, non-interactive terminal, so captured output is plain text.
    /// </summary>
    public IAnsiConsole Console(bool decorated = true)
    {
        var fancy = decorated && Interactive;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(Out),
            Ansi = fancy ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = fancy && Colour ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = fancy ? InteractionSupport.Yes : InteractionSupport.No,
        });
        if (!fancy)
        {
            // A redirected writer has no width; tables would otherwise wrap at 80 columns.
            console.Profile.Width = 120;
        }

        return console;
    }
}
