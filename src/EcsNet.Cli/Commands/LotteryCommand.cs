using System.CommandLine;
using System.Globalization;
using EcsNet.Cli.Options;
using EcsNet.Cli.Output;
using EcsNet.Cli.Rendering;
using EcsNet.Costs;
using EcsNet.Pruning;
using EcsNet.Training;
using Spectre.Console;

namespace EcsNet.Cli.Commands;

/// <summary><c>ecsnet lottery</c>: iterative magnitude pruning with rewinding to the initial weights.</summary>
internal static class LotteryCommand
{
    public static Command Create(CliContext context)
    {
        var command = HelpText.Command("lottery", """
            The lottery-ticket experiment: iterative magnitude pruning with rewinding (Frankle and Carbin, 2019).

            Round 0 trains the dense network from its initial weights θ₀. After each round the --rate fraction of the
            surviving synapses with the smallest trained |w| is pruned (of each layer, or of all with --scope global),
            and the survivors are rewound to θ₀ and trained again. Pruned synapses are destroyed entities, so each
            round trains at the cost of its survivors. --control random-reinit also trains every round's mask from
            fresh random weights, the paper's control. Per round: the synapses remaining, the best and the final
            test accuracy, and the seconds per epoch.

            Examples:
              ecsnet lottery --layers 784,300,100,10 --rounds 8 --rate 0.2 --epochs 10
              ecsnet lottery --rounds 10 --control random-reinit --plot lottery.svg --json
            """);
        var dataset = Opt.Dataset();
        var layers = Opt.Layers("784,300,100,10");
        var activation = Opt.Activation("relu for hidden layers, softmax for the output");
        var cost = Opt.Cost("cross-entropy");
        var init = new Option<string>("--init") { Description = "Initial weights: gaussian | uniform:EPS | zero | xavier | he", DefaultValueFactory = _ => "xavier" };
        var optimizer = new Option<string>("--optimizer") { Description = "sgd | momentum:0.9 | nesterov:0.9 | adagrad | rmsprop | adam", DefaultValueFactory = _ => "adam" };
        var lr = Opt.LearningRate("0.0012");
        var batch = new Option<int>("--batch") { Description = "Mini-batch size m", DefaultValueFactory = _ => 60 };
        var epochs = new Option<int>("--epochs") { Description = "Training epochs per round", DefaultValueFactory = _ => 10 };
        var rounds = new Option<int>("--rounds") { Description = "Pruning rounds after the dense round", DefaultValueFactory = _ => 5 };
        var rate = new Option<double>("--rate") { Description = "Fraction of the surviving synapses pruned per round, in (0, 1)", DefaultValueFactory = _ => 0.2 };
        var scope = new Option<string>("--scope") { Description = "layer (prune each layer by the rate) | global (rank all synapses together)", DefaultValueFactory = _ => "layer" };
        var control = new Option<string>("--control") { Description = "none | random-reinit (also train each mask from fresh random weights)", DefaultValueFactory = _ => "none" };
        var seed = Opt.Seed();
        var threads = Opt.Threads();
        var plot = new Option<string?>("--plot") { Description = "Write accuracy and epoch time against the remaining synapses as an SVG file" };
        var json = Opt.Json();
        var quiet = Opt.Quiet();
        foreach (var option in new Option[] { dataset, layers, activation, cost, init, optimizer, lr, batch, epochs, rounds, rate, scope, control, seed, threads, plot, json, quiet })
        {
            command.Add(option);
        }

        command.SetAction(p =>
        {
            var withControl = p.GetValue(control) switch
            {
                "none" => false,
                "random-reinit" => true,
                var other => throw new UsageException($"--control {other}: unknown control; valid: none, random-reinit"),
            };
            var pruneScope = p.GetValue(scope) switch
            {
                "layer" => PruneScope.Layer,
                "global" => PruneScope.Global,
                var other => throw new UsageException($"--scope {other}: unknown scope; valid: layer, global"),
            };
            if (!(p.GetValue(rate) is > 0 and < 1))
            {
                throw new UsageException($"--rate {p.GetValue(rate).ToString(CultureInfo.InvariantCulture)}: must be in (0, 1)");
            }

            if (p.GetValue(rounds) < 0)
            {
                throw new UsageException($"--rounds {p.GetValue(rounds)}: must be at least 0");
            }

            var options = new LotteryOptions(p.GetValue(rounds), p.GetValue(rate), pruneScope, withControl, p.GetValue(threads) ?? 1);
            options.Validate();
            var plotPath = p.GetValue(plot);
            TrainRunner.CheckWritable(plotPath, "--plot");
            var problem = DataSources.Load(p.GetValue(dataset), null, null, null, null, null, p.GetValue(seed));
            if (problem.Test is null)
            {
                throw new UsageException($"--dataset {problem.Name}: the lottery measures test accuracy and this data set has no test part");
            }

            var training = new TrainingOptions
            {
                Epochs = p.GetValue(epochs),
                BatchSize = p.GetValue(batch),
                LearningRate = p.GetValue(lr) ?? 0.0012f,
                Optimizer = Optimizer.Parse(p.GetValue(optimizer)!),
                Seed = p.GetValue(seed),
            };
            training.Validate();
            var layersText = p.GetValue(layers) ?? "784,300,100,10";
            var activationText = p.GetValue(activation);
            var initText = p.GetValue(init)!;
            var costName = p.GetValue(cost) ?? "cross-entropy";
            Network Initialise(long s)
            {
                var network = NetworkFactory.Build(layersText, activationText, "relu,softmax", initText, s, problem.Train);
                network.Cost = CostFunction.ByName(costName, network.OutputLayer.Function);
                return network;
            }

            string shape, costFunction;
            int synapseCount;
            using (var probe = Initialise(training.Seed))
            {
                (shape, costFunction, synapseCount) = (NetworkFactory.Describe(probe), probe.Cost.Name, probe.SynapseCount);
            }

            var description = $"{shape}, {costFunction} cost, {synapseCount} synapses";

            var experiment = new LotteryTicket(options, training);
            var asJson = p.GetValue(json);
            var lines = new JsonLines(context.Out);
            var console = context.Console();
            var beQuiet = p.GetValue(quiet);
            if (asJson)
            {
                lines.Write("start", new
                {
                    command = "lottery",
                    data = problem.Name,
                    network = shape,
                    cost_function = costFunction,
                    synapses = synapseCount,
                    optimizer = training.Optimizer.ToString(),
                    learning_rate = training.LearningRate,
                    batch = training.BatchSizeFor(problem.Train.Count),
                    epochs = training.Epochs,
                    seed = training.Seed,
                    train_samples = problem.Train.Count,
                    test_samples = problem.Test.Count,
                    rounds = options.Rounds,
                    rate = options.Rate,
                    scope = pruneScope.ToString().ToLowerInvariant(),
                    control = withControl ? "random-reinit" : "none",
                });
            }
            else if (!beQuiet)
            {
                console.WriteLine($"lottery on {problem.Name} ({problem.Train.Count} training, {problem.Test.Count} test samples): {description}; " +
                                  $"{options.Rounds} rounds at rate {options.Rate.ToString(CultureInfo.InvariantCulture)}, {training.Epochs} epochs each");
            }

            experiment.RoundCompleted += r =>
            {
                if (asJson)
                {
                    lines.Write("round", new
                    {
                        round = r.Round,
                        synapses = r.Synapses,
                        remaining = r.Remaining,
                        best_test_accuracy = r.Ticket.BestTestAccuracy,
                        test_accuracy = r.Ticket.TestAccuracy,
                        seconds_per_epoch = r.Ticket.EpochSeconds,
                        control = r.Control is { } c
                            ? new { best_test_accuracy = c.BestTestAccuracy, test_accuracy = c.TestAccuracy, seconds_per_epoch = c.EpochSeconds }
                            : null,
                    });
                }
                else if (!beQuiet)
                {
                    console.WriteLine(Line(r));
                }
            };

            var clock = System.Diagnostics.Stopwatch.StartNew();
            var results = experiment.Run(Initialise, problem.Train, problem.Test, context.Cancellation);
            var seconds = clock.Elapsed.TotalSeconds;
            if (plotPath is not null)
            {
                LotteryPlot.Write(plotPath, results, $"lottery ticket: {description}, {training.Epochs} epochs per round");
            }

            if (asJson)
            {
                var best = results.MaxBy(r => r.Ticket.BestTestAccuracy)!;
                lines.Write("summary", new
                {
                    rounds = results.Count - 1,
                    synapses = results[^1].Synapses,
                    remaining = results[^1].Remaining,
                    test_accuracy = results[^1].Ticket.TestAccuracy,
                    best_round = best.Round,
                    best_test_accuracy = best.Ticket.BestTestAccuracy,
                    seconds,
                    plot = plotPath,
                });
            }
            else
            {
                console.Write(Table(results));
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static string Line(LotteryRound r)
    {
        var ci = CultureInfo.InvariantCulture;
        var control = r.Control is { } c ? string.Create(ci, $"; random reinit best {c.BestTestAccuracy:P2}, end {c.TestAccuracy:P2}") : "";
        return string.Create(ci,
            $"round {r.Round}: {r.Remaining:P1} of the synapses ({r.Synapses}), test accuracy best {r.Ticket.BestTestAccuracy:P2}, end {r.Ticket.TestAccuracy:P2}, {r.Ticket.EpochSeconds:F3} s per epoch{control}");
    }

    private static Table Table(IReadOnlyList<LotteryRound> rounds)
    {
        var ci = CultureInfo.InvariantCulture;
        var withControl = rounds.Any(r => r.Control is not null);
        var table = new Table().Title("lottery ticket: rewound to θ₀" + (withControl ? " vs random re-initialisation" : ""))
            .AddColumns("round", "remaining", "synapses", "best test acc", "end test acc", "s / epoch");
        if (withControl)
        {
            table.AddColumns("reinit best", "reinit end", "reinit s / epoch");
        }

        foreach (var column in table.Columns)
        {
            column.RightAligned();
        }

        foreach (var r in rounds)
        {
            var cells = new List<string>
            {
                r.Round.ToString(ci), r.Remaining.ToString("P1", ci), r.Synapses.ToString(ci), r.Ticket.BestTestAccuracy.ToString("P2", ci),
                r.Ticket.TestAccuracy.ToString("P2", ci), r.Ticket.EpochSeconds.ToString("F3", ci),
            };
            if (withControl)
            {
                cells.AddRange(r.Control is { } c
                    ? [c.BestTestAccuracy.ToString("P2", ci), c.TestAccuracy.ToString("P2", ci), c.EpochSeconds.ToString("F3", ci)]
                    : ["-", "-", "-"]);
            }

            table.AddRow(cells.ToArray());
        }

        return table;
    }
}
