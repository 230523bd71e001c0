using System.CommandLine;
using System.Globalization;
using EcsNet.Cli.Options;
using EcsNet.Cli.Output;
using EcsNet.Persistence;
using EcsNet.Pruning;
using Spectre.Console;

namespace EcsNet.Cli.Commands;

/// <summary><c>ecsnet prune</c>: removes synapse entities from a model and saves the sparse network.</summary>
internal static class PruneCommand
{
    public static Command Create(CliContext context)
    {
        var command = HelpText.Command("prune", """
            Remove a fraction of a model's synapses and save the pruned network.

            The chosen synapse entities are destroyed, so the saved model keeps the sparse topology (pruned layers are
            written as explicit synapses) and `ecsnet train --model OUT` trains only the survivors, at a cost that
            shrinks with them. --by magnitude removes the smallest |w| first; --by random chooses with --seed.
            --scope global ranks all synapses together; --scope layer prunes the fraction from each layer. A prune
            that would leave a layer with no incoming synapse is refused and nothing is written.

            Examples:
              ecsnet prune --model mnist.json --fraction 0.9 --save mnist-10pc.json
              ecsnet prune --model mnist.json --fraction 0.5 --by random --scope layer --seed 7 --save half.json --json
            """);
        var model = Opt.Model(required: true);
        var fraction = new Option<double?>("--fraction") { Description = "Fraction of the synapses to remove, in [0, 1)", Required = true };
        var by = new Option<string>("--by") { Description = "magnitude (smallest |w| first) | random", DefaultValueFactory = _ => "magnitude" };
        var scope = new Option<string>("--scope") { Description = "global (rank all synapses together) | layer (the fraction of each layer)", DefaultValueFactory = _ => "global" };
        var seed = Opt.Seed();
        var save = new Option<string?>("--save") { Description = "Where to write the pruned model", Required = true };
        var json = Opt.Json();
        foreach (var option in new Option[] { model, fraction, by, scope, seed, save, json })
        {
            command.Add(option);
        }

        command.SetAction(p =>
        {
            var options = new PruneOptions(p.GetValue(fraction)!.Value, Criterion(p.GetValue(by)!), Scope(p.GetValue(scope)!), p.GetValue(seed));
            CheckFraction(options.Fraction);
            var output = p.GetValue(save)!;
            TrainRunner.CheckWritable(output, "--save");
            var path = p.GetValue(model)!;
            using var loaded = Models.Load(path);
            PruneResult result;
            try
            {
                result = Pruner.Prune(loaded.Network, options);
            }
            catch (InvalidOperationException e)
            {
                throw new UsageException(e.Message);
            }

            var spec = NetworkModel.ToSpec(loaded.Network);
            foreach (var (key, value) in loaded.Spec.Metadata)
            {
                spec.Metadata.TryAdd(key, value);
            }

            ModelFile.Write(spec, output);
            Print(context, path, output, options, result, p.GetValue(json));
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>The one check of a prune fraction the CLI makes, worded for the command line.</summary>
    public static void CheckFraction(double fraction)
    {
        if (!(fraction >= 0 && fraction < 1))
        {
            throw new UsageException($"--fraction {fraction.ToString(CultureInfo.InvariantCulture)}: must be in [0, 1)");
        }
    }

    private static PruneCriterion Criterion(string name) => name switch
    {
        "magnitude" => PruneCriterion.Magnitude,
        "random" => PruneCriterion.Random,
        _ => throw new UsageException($"--by {name}: unknown criterion; valid: magnitude, random"),
    };

    private static PruneScope Scope(string name) => name switch
    {
        "global" => PruneScope.Global,
        "layer" => PruneScope.Layer,
        _ => throw new UsageException($"--scope {name}: unknown scope; valid: global, layer"),
    };

    private static void Print(CliContext context, string path, string output, PruneOptions options, PruneResult result, bool json)
    {
        var before = result.Before;
        var after = result.After;
        if (json)
        {
            var lines = new JsonLines(context.Out);
            for (var l = 1; l < before.Count; l++)
            {
                lines.Write("layer", new
                {
                    layer = l,
                    synapses_before = before[l],
                    synapses = after[l],
                    removed = before[l] - after[l],
                    remaining = Fraction(after[l], before[l]),
                });
            }

            lines.Write("summary", new
            {
                model = path,
                saved = output,
                fraction = options.Fraction,
                by = options.By.ToString().ToLowerInvariant(),
                scope = options.Scope.ToString().ToLowerInvariant(),
                synapses_before = before.Sum(),
                synapses = after.Sum(),
                removed = result.Removed,
                remaining = Fraction(after.Sum(), before.Sum()),
            });
            return;
        }

        var ci = CultureInfo.InvariantCulture;
        var console = context.Console();
        var table = new Table().Title($"synapses into each layer, {options.By.ToString().ToLowerInvariant()} pruning ({options.Scope.ToString().ToLowerInvariant()})")
            .AddColumns("layer", "before", "after", "removed", "kept");
        for (var c = 1; c < 5; c++)
        {
            table.Columns[c].RightAligned();
        }

        for (var l = 1; l < before.Count; l++)
        {
            table.AddRow(l.ToString(ci), before[l].ToString(ci), after[l].ToString(ci), (before[l] - after[l]).ToString(ci), Percent(after[l], before[l]));
        }

        table.AddRow("all", before.Sum().ToString(ci), after.Sum().ToString(ci), result.Removed.ToString(ci), Percent(after.Sum(), before.Sum()));
        console.Write(table);
        console.WriteLine($"pruned {result.Removed} of {before.Sum()} synapses of {path}; saved to {output}");
    }

    /// <summary>The share of synapses kept, as lottery's <c>remaining</c>; null for a layer that had none.</summary>
    private static double? Fraction(int part, int whole) => whole == 0 ? null : (double)part / whole;

    private static string Percent(int part, int whole) => whole == 0 ? "-" : (100.0 * part / whole).ToString("0.##", CultureInfo.InvariantCulture) + " %";
}
