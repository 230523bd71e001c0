using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.Runtime.CompilerServices;

namespace EcsNet.Cli;

/// <summary>
/// Commands whose help text has a summary (the first paragraph: shown in command lists and at the top of --help) and
/// details with examples (shown after the options), since System.CommandLine's help has one description only.
/// </summary>
internal static class HelpText
{
    private static readonly ConditionalWeakTable<Command, string> Details = [];

    /// <summary>A command described by <paramref name="text"/>: summary, blank line, details.</summary>
    public static Command Command(string name, string text)
    {
        var parts = text.Split(["\n\n", "\r\n\r\n"], 2, StringSplitOptions.None);
        var command = new Command(name, string.Join(' ', parts[0].Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)));
        if (parts.Length == 2)
        {
            Details.AddOrUpdate(command, parts[1]);
        }

        return command;
    }

    /// <summary>Adds --help (recursive, with the details written to <paramref name="output"/>) and --version to the root command.</summary>
    public static void Install(Command root, TextWriter output)
    {
        var help = new HelpOption();
        help.Action = new DetailedHelp((HelpAction)help.Action!, output);
        root.Options.Add(help);
        root.Options.Add(new VersionOption());
    }

    private sealed class DetailedHelp(HelpAction standard, TextWriter output) : SynchronousCommandLineAction
    {
        /// <summary>"ecsnet predict --help" shows help although the required --model is missing.</summary>
        public override bool ClearsParseErrors => true;

        public override int Invoke(ParseResult parseResult)
        {
            var code = standard.Invoke(parseResult);
            if (Details.TryGetValue(parseResult.CommandResult.Command, out var details))
            {
                foreach (var line in details.Split('\n'))
                {
                    output.WriteLine(line.TrimEnd('\r').Length == 0 ? "" : "  " + line.TrimEnd('\r'));
                }

                output.WriteLine();
            }

            return code;
        }
    }
}
