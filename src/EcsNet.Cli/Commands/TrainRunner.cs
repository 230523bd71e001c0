using System.CommandLine;
using System.Globalization;
using EcsNet.Cli.Options;
using EcsNet.Cli.Output;
using EcsNet.Cli.Rendering;
using EcsNet.Costs;
using EcsNet.Data;
using EcsNet.Persistence;
using EcsNet.Training;

namespace EcsNet.Cli.Commands;

/// <summary>The body of <c>train</c> and of the main job: resolve data and network, train, report, save.</summary>
internal static class TrainRunner
{
    /// <param name="context">Where to write.</param>
    /// <param name="p">The parsed command line.</param>
    /// <param name="o">The options of the command (the main job has a subset; the others keep their defaults).</param>
    /// <param name="command">"train" or "ecsnet", for the JSON start line.</param>
    /// <param name="dataset">The main job's fixed data set, or null to read --dataset/--data.</param>
    public static int Execute(CliContext context, ParseResult p, TrainOptionSet o, string command, string? dataset = null)
    {
        var mode = OutputModes.Of(context, p.GetValue(o.Json), p.GetValue(o.Quiet), p.GetValue(o.Verbosity));
        var save = p.GetValue(o.Save);
        var plot = p.GetValue(o.Plot);
        var metricsPath = p.GetValue(o.Metrics);
        var checkpoint = p.GetValue(o.Checkpoint);

        // Every output is checked before any work, so a long run never ends in "cannot write".
        CheckWritable(save, "--save");
        CheckWritable(plot, "--plot");
        CheckWritable(metricsPath, "--metrics");
        if (checkpoint is not null)
        {
            CheckCheckpointFolder(checkpoint);
        }

        var seed = p.GetValue(o.Seed);
        var problem = DataSources.Load(dataset ?? p.GetValue(o.Dataset), p.GetValue(o.Data), p.GetValue(o.Label), p.GetValue(o.Target),
            p.GetValue(o.Normalize), p.GetValue(o.TestFraction), seed, delimiter: p.GetValue(o.Delimiter));
        var d = problem.Defaults;
        var options = o.Bind(p, d.Training);
        options.Validate();

        var modelPath = p.GetValue(o.Model);
        var layers = p.GetValue(o.Layers);
        if (modelPath is null)
        {
            MemoryBudget.Check(Parse.Layers(layers ?? d.Layers), options.BatchSize, problem.Train.Count, p.GetValue(o.MaxMemory));
        }

        var (network, modelCost, spec) = CreateNetwork(p, o, problem, modelPath, layers, seed);
        using var owned = network;
        if (p.GetValue(o.FrozenBiases))
        {
            network.FreezeBiases();
        }

        if (p.GetValue(o.Resume))
        {
            options = Resumed(network, spec, modelPath, options, p.GetValue(o.Optimizer));
        }

        var saveState = p.GetValue(o.SaveState);
        RunState? StateAfter(int epochsDone) => saveState ? new RunState(epochsDone, options.Optimizer.ToString(), network.UpdateCount) : null;
        network.Cost = CostFunction.ByName(p.GetValue(o.Cost) ?? modelCost ?? d.Cost, network.OutputLayer.Function);
        if (p.GetValue(o.Threads) is { } threads)
        {
            network.Threads = threads >= 1 ? threads : throw new UsageException($"--threads must be at least 1 (got {threads})");
        }

        var train = Targets.ForOutput(problem.Train, network.OutputLayer.Function);
        var test = problem.Test is null ? null : Targets.ForOutput(problem.Test, network.OutputLayer.Function);
        var classification = train.Labels is not null;
        var logEvery = p.GetValue(o.LogEvery) ?? TrainingSession.DefaultLogEvery(options.Epochs);
        if (logEvery < 1)
        {
            throw new UsageException($"--log-every must be at least 1 (got {logEvery})");
        }

        var json = mode == OutputMode.Json ? new JsonLines(context.Out) : null;
        if (options.BatchSize > train.Count)
        {
            var note = $"--batch {options.BatchSize} is larger than the {Fmt.Count(train.Count, "training sample")}: training full batch ({train.Count})";
            if (json is not null)
            {
                json.Write("note", new { message = note });
            }
            else
            {
                context.Err.WriteLine($"ecsnet: note: {note}");
            }
        }

        if (json is not null)
        {
            json.Write("start", new
            {
                command,
                data = problem.Name,
                network = NetworkFactory.Describe(network),
                cost_function = network.Cost.Name,
                optimizer = options.Optimizer.ToString(),
                learning_rate = options.LearningRate,
                batch = options.BatchSizeFor(train.Count),
                epochs = options.Epochs,
                seed = options.Seed,
                train_samples = train.Count,
                test_samples = test?.Count,
            });
        }
        else if (mode != OutputMode.Quiet)
        {
            context.Out.WriteLine(Header(problem, network, options, train.Count, test?.Count));
        }

        var trainer = new Trainer(options);
        using var metrics = metricsPath is null ? null : new MetricsCsv(metricsPath);
        if (metrics is not null)
        {
            trainer.EpochCompleted += metrics.Add;
        }

        if (checkpoint is not null)
        {
            var best = double.PositiveInfinity;
            trainer.EpochCompleted += m =>
            {
                Models.Save(network, Path.Combine(checkpoint, "last.json"), problem.Normalizer, problem.ClassNames, problem.Name, StateAfter(m.Epoch));
                var watched = m.ValidationCost ?? m.Cost;
                if (watched < best)
                {
                    best = watched;
                    Models.Save(network, Path.Combine(checkpoint, "best.json"), problem.Normalizer, problem.ClassNames, problem.Name, StateAfter(m.Epoch));
                }
            };
        }

        var result = TrainingSession.Run(context, trainer, network, train, test, mode, logEvery, classification);
        if (save is not null)
        {
            var state = StateAfter(options.StartEpoch + result.Epochs.Count);
            SaveNamingOption(() => Models.Save(network, save, problem.Normalizer, problem.ClassNames, problem.Name, state), "--save");
        }

        if (plot is not null)
        {
            SvgCurves.Write(plot, result.Epochs, $"{problem.Name}: {NetworkFactory.Describe(network)}");
        }

        var report = Report.Of(network, train, test, problem.ClassNames, classification);
        if (json is not null)
        {
            json.Write("summary", report.Json(result, save));
        }
        else
        {
            report.Write(context, result, save, mode);
            if (dataset is not null && mode != OutputMode.Quiet && test is not null && report.TestEvaluation is { } testEval)
            {
                MisclassifiedDigits(context, test, testEval);
            }
        }

        return Finish(context, result, save);
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

    /// <summary>
    /// The options continuing the run saved in <paramref name="spec"/>: numbering and schedule from its epoch count,
    /// its optimiser (whose moments and step count are restored into <paramref name="network"/>).
    /// </summary>
    private static TrainingOptions Resumed(Network network, ModelSpec? spec, string? modelPath, TrainingOptions options, string? optimizer)
    {
        if (spec is null || modelPath is null)
        {
            throw new UsageException("--resume continues a saved run: give it with --model FILE");
        }

        var state = RunState.Restore(network, spec, modelPath)
            ?? throw new UsageException($"--resume: {modelPath} has no saved training state (save it with --save-state)");
        if (optimizer is not null && Optimizer.Parse(optimizer).ToString() != state.Optimizer)
        {
            throw new UsageException($"--resume: {modelPath} was trained with --optimizer {state.Optimizer}, not {optimizer}");
        }

        return options with { StartEpoch = state.EpochsDone, Optimizer = Optimizer.Parse(state.Optimizer) };
    }

    private static (Network Network, string? Cost, ModelSpec? Spec) CreateNetwork(ParseResult p, TrainOptionSet o, Problem problem, string? modelPath, string? layers, long seed)
    {
        var activation = p.GetValue(o.Activation);
        var init = p.GetValue(o.Init);
        var noBias = p.GetValue(o.NoBias);
        if (modelPath is null)
        {
            return (NetworkFactory.Build(layers ?? problem.Defaults.Layers, activation, problem.Defaults.Activation,
                init ?? problem.Defaults.Init, seed, problem.Train, bias: !noBias), null, null);
        }

        if (layers is not null || activation is not null || init is not null || noBias)
        {
            throw new UsageException("--model gives the network: drop --layers, --activation, --init and --no-bias");
        }

        var loaded = Models.Load(modelPath);
        try
        {
            problem.Train.CheckFits(loaded.Network, $"model {modelPath}");
        }
        catch
        {
            loaded.Dispose();
            throw;
        }

        return (loaded.Network, loaded.CostName, loaded.Spec);
    }

    /// <summary>
    /// Fails before any work when <paramref name="path"/> could not be written: a folder, a missing folder, or one
    /// without write permission. The message names the option and the path.
    /// </summary>
    public static void CheckWritable(string? path, string option)
    {
        if (path is not null)
        {
            SaveNamingOption(() => ModelFile.CheckWritable(path), option);
        }
    }

    private static void CheckCheckpointFolder(string folder)
    {
        if (File.Exists(folder))
        {
            throw new UsageException($"--checkpoint {folder}: is a file; give a folder");
        }

        SaveNamingOption(() => Directory.CreateDirectory(folder), "--checkpoint");
        CheckWritable(Path.Combine(folder, "best.json"), "--checkpoint");
    }

    private static void SaveNamingOption(Action write, string option)
    {
        try
        {
            write();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"{option} {Cli.MessageOf(e)}");
        }
    }

    private static string Header(Problem problem, Network network, TrainingOptions o, int train, int? test)
    {
        var batch = o.BatchSizeFor(train) switch
        {
            1 => "incremental",
            var m when m == train => "full batch",
            var m => $"mini-batch {m}",
        };
        var samples = test is { } t ? $"{train} training / {t} test samples" : $"{train} training samples";
        return string.Create(CultureInfo.InvariantCulture,
            $"training {NetworkFactory.Describe(network)} on {problem.Name} ({samples}): {network.Cost.Name} cost, {o.Optimizer} η = {o.LearningRate}, {batch}, {Fmt.Count(o.Epochs, "epoch")}, seed {o.Seed}");
    }

    /// <summary>The main job's extra: a few misclassified test digits, as many as fit the terminal's width.</summary>
    private static void MisclassifiedDigits(CliContext context, DataSet test, Evaluation eval)
    {
        if (test.InputSize != 28 * 28)
        {
            return;
        }

        var fit = Math.Clamp((context.Width + 2) / (28 + 2), 1, 4);
        var wrong = Enumerable.Range(0, eval.Count).Where(i => eval.Predictions[i] != eval.Truth[i]).Take(fit).ToArray();
        if (wrong.Length > 0)
        {
            context.Out.WriteLine("some misclassified test digits (true → predicted):");
            DigitRenderer.WriteRow(context.Out, test, wrong, eval, context.Colour);
        }
    }
}
