using System.CommandLine;
using EcsNet.Cli.Commands;
using EcsNet.Cli.Output;
using EcsNet.Data;
using EcsNet.Persistence;

namespace EcsNet.Cli;

/// <summary>
/// The <c>ecsnet</c> program, runnable in-process: parses the arguments, runs one command, and turns every expected
/// failure into one line on stderr and an exit code (<see cref="ExitCodes"/>) instead of a stack trace.
/// </summary>
public static class Cli
{
    /// <summary>Runs <c>ecsnet</c> with <paramref name="args"/>, writing plain (undecorated) output.</summary>
    /// <param name="args">The command line, without the program name.</param>
    /// <param name="stdout">Where results go.</param>
    /// <param name="stderr">Where error messages go.</param>
    /// <param name="ct">Cancelling it (Ctrl-C) stops training after the current mini-batch.</param>
    /// <returns>The exit code.</returns>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken ct = default)
        => Run(args, stdout, stderr, ct, interactive: false);

    /// <summary>Runs <c>ecsnet</c>; <paramref name="interactive"/> allows colours and live progress on stdout.</summary>
    /// <param name="args">The command line, without the program name.</param>
    /// <param name="stdout">Where results go.</param>
    /// <param name="stderr">Where error messages go.</param>
    /// <param name="ct">Cancelling it (Ctrl-C) stops training after the current mini-batch.</param>
    /// <param name="interactive">True when stdout is a terminal.</param>
    /// <returns>The exit code.</returns>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken ct, bool interactive)
    {
        ArgumentNullException.ThrowIfNull(args);
        var context = new CliContext(stdout, stderr, ct, interactive);
        var root = BuildRoot(context);
        var parsed = root.Parse(args);
        // With --json a script reads stdout only, so an error is also a JSON line there (stderr keeps the text).
        var json = args.Contains("--json") ? new JsonLines(stdout) : null;
        if (parsed.Errors.Count > 0)
        {
            var command = parsed.CommandResult.Command;
            var name = command == root ? "ecsnet" : $"ecsnet {command.Name}";
            return Fail($"{Readable(OneLine(parsed.Errors[0].Message))} (see '{name} --help')", ExitCodes.UsageError);
        }

        try
        {
            return parsed.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
        }
        catch (Exception e) when (ExitCodeOf(e) is { } code)
        {
            return Fail(MessageOf(e), code);
        }
        catch (Exception e)
        {
            // A bug, not bad input: still one line (the type tells a maintainer where to look), never a stack trace.
            return Fail($"internal error: {e.GetType().Name}: {MessageOf(e)}", ExitCodes.InternalError);
        }

        int Fail(string message, int code)
        {
            // One prefix for every error, whichever command or layer found it.
            stderr.WriteLine($"ecsnet: {message}");
            json?.Write("error", new { message, exit_code = code });
            return code;
        }
    }

    /// <summary>The command tree; the root command itself runs the main job.</summary>
    internal static Command BuildRoot(CliContext context)
    {
        var root = MainJobCommand.CreateRoot(context);
        root.Add(TrainCommand.Create(context));
        root.Add(PredictCommand.Create(context));
        root.Add(TraceCommand.Create(context));
        root.Add(GatesCommand.Create(context));
        root.Add(PlaygroundCommand.Create(context));
        root.Add(InspectCommand.Create(context));
        root.Add(GradCheckCommand.Create(context));
        root.Add(LessonsCommand.Create(context));
        root.Add(BenchCommand.Create(context));
        root.Add(PruneCommand.Create(context));
        root.Add(LotteryCommand.Create(context));
        return root;
    }

    private static int? ExitCodeOf(Exception e) => e switch
    {
        OperationCanceledException => ExitCodes.Interrupted,
        UsageException or DataFormatException or ModelFormatException or ArgumentException or IOException
            or UnauthorizedAccessException or FormatException or OverflowException => ExitCodes.UsageError,
        _ => null,
    };

    /// <summary>The exception's message on one line, without .NET's "(Parameter 'x')" and "Actual value was" noise.</summary>
    internal static string MessageOf(Exception e)
    {
        var message = e switch
        {
            OperationCanceledException => "interrupted",
            ArgumentException a when a.ParamName is { } p => a.Message.Replace($" (Parameter '{p}')", "", StringComparison.Ordinal),
            _ => e.Message,
        };
        if (e is ArgumentOutOfRangeException)
        {
            var cut = message.IndexOf("\nActual value was", StringComparison.Ordinal);
            message = cut >= 0 ? message[..cut] : message;
        }

        return OneLine(message);
    }

    /// <summary>"as expected type 'System.Nullable`1[System.Int32]'" → "as a whole number".</summary>
    private static string Readable(string message) => System.Text.RegularExpressions.Regex.Replace(
        message, @"as expected type '(System\.Nullable`1\[)?System\.(\w+)\]?'", m => m.Groups[2].Value switch
        {
            "Int32" or "Int64" => "as a whole number",
            "Single" or "Double" => "as a number",
            "Boolean" => "as true or false",
            var t => $"as {t}",
        });

    private static string OneLine(string text) => string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
