using System.CommandLine;
using EcsNet.Cli.Lessons;
using EcsNet.Cli.Output;
using Spectre.Console;

namespace EcsNet.Cli.Commands;

/// <summary>
/// <c>ecsnet lessons</c>: lists the decks' worked examples and replays one or all of them, each published number beside
/// EcsNet's with a mark saying whether they agree at the deck's printed precision, and notes where a deck contradicts
/// itself.
/// </summary>
internal static class LessonsCommand
{
    public static Command Create(CliContext context)
    {
        var command = HelpText.Command("lessons", """
            The decks' worked examples, replayed: the deck's numbers beside EcsNet's.

            Without arguments, lists the lessons. With a lesson's name (or --all), recomputes it with EcsNet networks and
            prints every number the deck publishes beside EcsNet's, marked ✓ where they agree at the deck's printed
            precision (half a unit of its last digit) and ✗ where they do not; the notes explain each ✗ (a deck that
            contradicts itself says so, with the reason) and give the ecsnet command that replays the example.

            Examples:
              ecsnet lessons
              ecsnet lessons sigmoid-neuron
              ecsnet lessons --all --json
            """);
        var name = new Argument<string?>("lesson") { Description = "The lesson to replay (see the list)", Arity = ArgumentArity.ZeroOrOne };
        var all = new Option<bool>("--all") { Description = "Replay every lesson" };
        var json = Opt();
        command.Add(name);
        command.Add(all);
        command.Add(json);
        command.SetAction(p => Run(context, p.GetValue(name), p.GetValue(all), p.GetValue(json)));
        return command;
    }

    private static Option<bool> Opt() => Options.Opt.Json();

    private static int Run(CliContext context, string? name, bool all, bool json)
    {
        if (name is not null && all)
        {
            throw new UsageException("give a lesson's name or --all, not both");
        }

        IReadOnlyList<Lesson> lessons;
        if (all)
        {
            lessons = LessonBook.All;
        }
        else if (name is not null)
        {
            lessons = [LessonBook.Find(name) ?? throw new UsageException($"unknown lesson '{name}' (valid: {string.Join(", ", LessonBook.All.Select(l => l.Id))})")];
        }
        else
        {
            List(context, json);
            return ExitCodes.Success;
        }

        var lines = json ? new JsonLines(context.Out) : null;
        var console = json ? null : context.Console();
        foreach (var lesson in lessons)
        {
            context.Cancellation.ThrowIfCancellationRequested();
            var result = lesson.Run();
            if (lines is not null)
            {
                lines.Write(new { type = "lesson", id = lesson.Id, title = lesson.Title, deck = lesson.Deck, command = lesson.Command, checks = result.Checks.Count, agree = result.Checks.Count(c => c.Agrees) });
                foreach (var c in result.Checks)
                {
                    lines.Write(new { type = "check", lesson = lesson.Id, quantity = c.Quantity, deck_value = c.DeckValue, reference = c.Reference, value = c.Value, tolerance = c.Allowed, agrees = c.Agrees });
                }

                foreach (var note in result.Notes)
                {
                    lines.Write(new { type = "note", lesson = lesson.Id, text = note });
                }

                continue;
            }

            var c0 = console!;
            context.Out.WriteLine();
            context.Out.WriteLine($"{lesson.Id}: {lesson.Title}");
            context.Out.WriteLine($"  from: {lesson.Deck}");
            context.Out.WriteLine($"  replay: {lesson.Command}");
            var table = new Table().AddColumns("quantity", "deck", "EcsNet", "agree");
            foreach (var c in result.Checks)
            {
                var deck = c.DeckValue ?? $"{Fmt.Short(c.Reference!.Value)} (formula)";
                table.AddRow(Markup.Escape(c.Quantity), Markup.Escape(deck), Fmt.Short(c.Value), c.Agrees ? "✓" : "✗");
            }

            c0.Write(table);
            foreach (var note in result.Notes)
            {
                context.Out.WriteLine($"  • {note}");
            }
        }

        return ExitCodes.Success;
    }

    private static void List(CliContext context, bool json)
    {
        if (json)
        {
            var lines = new JsonLines(context.Out);
            foreach (var l in LessonBook.All)
            {
                lines.Write(new { type = "lesson", id = l.Id, title = l.Title, deck = l.Deck, command = l.Command });
            }

            return;
        }

        var console = context.Console();
        var table = new Table().AddColumns("lesson", "what it shows", "deck");
        foreach (var l in LessonBook.All)
        {
            table.AddRow(l.Id, Markup.Escape(l.Title), Markup.Escape(l.Deck));
        }

        console.Write(table);
        console.WriteLine("replay one with: ecsnet lessons NAME; all with: ecsnet lessons --all");
    }
}
