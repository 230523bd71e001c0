using System.Globalization;
using EcsNet.Cli.Options;
using EcsNet.Cli.Output;
using EcsNet.Cli.Rendering;
using EcsNet.Costs;
using EcsNet.Training;
using Spectre.Console;

namespace EcsNet.Cli.Commands;

/// <summary>The body of <c>train</c> and of the main job: resolve data and network, train, report, save.</summary>
internal static class TrainRunner
{
    public static int Execute(CliContext context, TrainRequest r)
    {
        var mode = OutputModes.Of(context, r.Json, r.Quiet);
        CheckOutputFolder(r.Save, "--save");
        CheckOutputFolder(r.Plot, "--plot");
        CheckOutputFolder(r.Metrics, "--metrics");
        var problem = DataSources.Load(r.Dataset, r.Data, r.Label, r.Target, r.Normalize, r.TestFraction, r.Seed);
        var d = problem.Defaults;

        var (network, modelCost) = CreateNetwork(r, problem);
        using var owned = network;
        network.Cost = CostFunction.ByName(r.Cost ?? modelCost ?? d.Cost, network.OutputLayer.Function);
        if (r.Threads is { } threads)
        {
            network.Threads = threads >= 1 ? threads : throw new UsageException($"--threads must be at least 1 (got {threads})");
        }

        var train = Targets.ForOutput(problem.Train, network.OutputLayer.Function);
        var test = problem.Test is null ? null : Targets.ForOutput(problem.Test, network.OutputLayer.Function);
        var options = new TrainingOptions
        {
            Epochs = r.Epochs ?? d.Epochs,
            BatchSize = r.Batch ?? d.Batch,
            LearningRate = r.LearningRate ?? d.LearningRate,
            Schedule = LearningRateSchedule.Parse(r.LrDecay),
            Optimizer = Optimizer.Parse(r.Optimizer),
            L1 = r.L1,
            L2 = r.L2,
            ValidationFraction = r.Validation,
            EarlyStopPatience = r.EarlyStop,
            ErrorThreshold = r.ErrorThreshold,
            Seed = r.Seed,
            BatchGradient = Opt.ParseBatchGradient(r.BatchGradient),
            Shuffle = r.Order?.Trim().ToLowerInvariant() switch
            {
                null or "shuffled" => true,
                "in-order" => false,
                _ => throw new UsageException($"--order: unknown order '{r.Order}' (valid: shuffled, in-order)"),
            },
        };
        if (r.FrozenBiases)
        {
            network.FreezeBiases();
        }

        options.Validate(train.Count);

        if (mode != OutputMode.Json)
        {
            context.Out.WriteLine(Header(problem, network, options, train.Count, test?.Count));
        }

        var result = TrainingSession.Run(context, network, train, test, options, mode);
        if (r.Save is not null)
        {
            Models.Save(network, r.Save, problem.Normalizer, problem.ClassNames, problem.Name);
        }

        if (r.Plot is not null)
        {
            SvgCurves.Write(r.Plot, result.Epochs, $"{problem.Name}: {NetworkFactory.Describe(network)}");
        }

        if (r.Metrics is not null)
        {
            MetricsCsv.Write(r.Metrics, result.Epochs);
        }

        var trainEval = Evaluator.Evaluate(network, train);
        var testEval = test is null ? null : Evaluator.Evaluate(network, test);
        if (mode == OutputMode.Json)
        {
            new JsonLines(context.Out).Write(new
            {
                summary = true,
                stop_reason = result.StopReason.ToString(),
                message = result.Message,
                epochs = result.Epochs.Count,
                cost = trainEval.Cost,
                train_accuracy = trainEval.Accuracy,
                test_cost = testEval?.Cost,
                test_accuracy = testEval?.Accuracy,
                seconds = result.Epochs.Sum(e => e.Seconds),
                samples_per_second = result.Epochs.Count == 0 ? 0 : result.Epochs.Average(e => e.SamplesPerSecond),
                saved = r.Save,
            });
        }
        else
        {
            var console = context.Console();
            console.Write(Summary(result, trainEval, testEval, r.Save));
            if (r.Showcase && testEval is not null && mode != OutputMode.Quiet)
            {
                Showcase(context, console, test!, testEval, problem.ClassNames);
            }
        }

        return Finish(context, result, r.Save);
    }

    /// <summary>Turns the stop reason into stderr messages and the exit code.</summary>
    public static int Finish(CliContext context, TrainingResult result, string? saved)
    {
        var kept = saved is null ? "" : $"; saved to {saved}";
        switch (result.StopReason)
        {
            case StopReason.Diverged:
                context.Err.WriteLine($"ecsnet: {result.Message}{kept}");
                return ExitCodes.TrainingFailure;
            case StopReason.Cancelled:
                context.Err.WriteLine($"ecsnet: interrupted: {result.Message}{kept}");
                return ExitCodes.Interrupted;
            default:
                return ExitCodes.Success;
        }
    }

    private static (Network Network, string? Cost) CreateNetwork(TrainRequest r, Problem problem)
    {
        if (r.Model is null)
        {
            return (NetworkFactory.Build(r.Layers ?? problem.Defaults.Layers, r.Activation, problem.Defaults.Activation,
                r.Init ?? problem.Defaults.Init, r.Seed, problem.Train, bias: !r.NoBias), null);
        }

        if (r.Layers is not null || r.Activation is not null || r.Init is not null || r.NoBias)
        {
            throw new UsageException("--model gives the network: drop --layers, --activation, --init and --no-bias");
        }

        var loaded = Models.Load(r.Model);
        try
        {
            Models.CheckShape(loaded.Network, problem.Train, $"model {r.Model}", $"data '{problem.Name}'");
        }
        catch
        {
            loaded.Dispose();
            throw;
        }

        return (loaded.Network, loaded.CostName);
    }

    /// <summary>Fails before any work when the folder an output file would go to does not exist.</summary>
    public static void CheckOutputFolder(string? path, string option)
    {
        if (path is null)
        {
            return;
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null && !Directory.Exists(folder))
        {
            throw new UsageException($"{option} {path}: folder '{folder}' does not exist");
        }
    }

    private static string Header(Problem problem, Network network, TrainingOptions o, int train, int? test)
    {
        var batch = o.BatchSize switch { 0 => "full batch", 1 => "incremental", var m => $"mini-batch {m}" };
        var samples = test is { } t ? $"{train} training / {t} test samples" : $"{train} training samples";
        return string.Create(CultureInfo.InvariantCulture,
            $"training {NetworkFactory.Describe(network)} on {problem.Name} ({samples}): {network.Cost.Name} cost, {o.Optimizer} η = {o.LearningRate}, {batch}, {o.Epochs} epochs, seed {o.Seed}");
    }

    private static Table Summary(TrainingResult result, Evaluation train, Evaluation? test, string? saved)
    {
        var table = new Table().Title("summary").AddColumn("").AddColumn(new TableColumn("value").RightAligned());
        var c = CultureInfo.InvariantCulture;
        table.AddRow("stopped", Markup.Escape(result.StopReason.ToString().ToLowerInvariant()));
        table.AddRow("epochs", result.Epochs.Count.ToString(c));
        table.AddRow("training cost", train.Cost.ToString("F4", c));
        table.AddRow("training accuracy", Markup.Escape($"{Fmt.Percent(train.Accuracy)} ({train.Correct}/{train.Count})"));
        if (test is not null)
        {
            table.AddRow("test cost", test.Cost.ToString("F4", c));
            table.AddRow("test accuracy", Markup.Escape($"{Fmt.Percent(test.Accuracy)} ({test.Correct}/{test.Count})"));
        }

        if (result.Epochs.Count > 0)
        {
            table.AddRow("time", result.Epochs.Sum(e => e.Seconds).ToString("F1", c) + " s");
            table.AddRow("samples/s", result.Epochs.Average(e => e.SamplesPerSecond).ToString("N0", c));
        }

        if (saved is not null)
        {
            table.AddRow("saved", Markup.Escape(saved));
        }

        return table;
    }

    private static void Showcase(CliContext context, IAnsiConsole console, Data.DataSet test, Evaluation eval, string[]? classNames)
    {
        var classes = classNames?.Length ?? test.OutputSize;
        console.Write(ConfusionTable.Create(eval.Confusion(classes), classNames));
        var wrong = Enumerable.Range(0, eval.Count).Where(i => eval.Predictions[i] != eval.Truth[i]).Take(4).ToArray();
        if (wrong.Length > 0 && test.InputSize == 28 * 28)
        {
            context.Out.WriteLine("some misclassified test digits (true → predicted):");
            DigitRenderer.WriteRow(context.Out, test, wrong, eval, context.Interactive);
        }
    }
}
