using System.CommandLine;
using EcsNet.Training;

namespace EcsNet.Cli.Options;

/// <summary>
/// The options of <c>train</c> and the main job. The hyperparameters bind straight onto the library's
/// <see cref="TrainingOptions"/> (<see cref="Bind"/>): the data set's defaults are a <see cref="TrainingOptions"/> too,
/// so each default is written once and <see cref="TrainingOptions.Validate"/> is the one validation.
/// </summary>
internal sealed class TrainOptionSet
{
    public Option<string?> Dataset { get; } = Opt.Dataset();
    public Option<string?> Data { get; } = Opt.Data();
    public Option<string?> Label { get; } = Opt.Label();
    public Option<string?> Target { get; } = Opt.Target();
    public Option<string?> Delimiter { get; } = Opt.Delimiter();
    public Option<string?> Normalize { get; } = new("--normalize") { Description = "Input normalisation fitted on the training data (default: zscore for iris, else none)" };
    public Option<double?> TestFraction { get; } = Opt.TestFraction("1/3 for iris, 0.5 for the 2-D sets, the t10k files for IDX folders, else 0");
    public Option<string?> Model { get; } = Opt.Model();
    public Option<bool> Resume { get; } = new("--resume") { Description = "With --model: continue its run — epoch numbering, η schedule, optimiser moments and step count (saved with --save-state)" };
    public Option<bool> SaveState { get; } = new("--save-state") { Description = "Store the optimiser state and epoch count in --save and --checkpoint models, so that --resume can continue the run" };
    public Option<string?> Layers { get; } = Opt.Layers("per data set, see below");
    public Option<string?> Activation { get; } = Opt.Activation("per data set, see below");
    public Option<string?> Cost { get; } = Opt.Cost("quadratic");
    public Option<string?> Init { get; } = new("--init") { Description = "Initial weights: gaussian | uniform:EPS | uniform01 (U(0,1), Seoul) | zero | xavier | he (default: gaussian, N(0,1); xavier for the 2-D sets)" };
    public Option<string?> Optimizer { get; } = new("--optimizer") { Description = "sgd | momentum:0.9 | nesterov:0.9 | adagrad | adadelta | rmsprop | adam | adamax | nadam (default: sgd)" };
    public Option<float?> LearningRate { get; } = Opt.LearningRate("per data set, see below");
    public Option<string?> LrDecay { get; } = new("--lr-decay") { Description = "none | step:GAMMA:EVERY | exp:K (default: none)" };
    public Option<int?> Batch { get; } = Opt.Batch("per data set, see below");
    public Option<int?> Epochs { get; } = Opt.Epochs("per data set, see below");
    public Option<float?> L1 { get; } = new("--l1") { Description = "L1 penalty λ₁ ≥ 0 (default: 0)" };
    public Option<float?> L2 { get; } = new("--l2") { Description = "L2 penalty λ₂ ≥ 0 (default: 0)" };
    public Option<double?> Validation { get; } = new("--validation") { Description = "Fraction of the training data held out for validation, in [0, 1) (default: 0)" };
    public Option<int?> EarlyStop { get; } = new("--early-stop") { Description = "Stop after this many epochs without a better validation cost and restore the best weights (needs --validation)" };
    public Option<double?> ErrorThreshold { get; } = new("--error-threshold") { Description = "Stop once the training cost is at or below this value" };
    public Option<long> Seed { get; } = Opt.Seed();
    public Option<int?> Threads { get; } = Opt.Threads();
    public Option<string?> Save { get; } = Opt.Save();
    public Option<string?> Checkpoint { get; } = new("--checkpoint") { Description = "Folder to keep best.json (lowest validation cost, else training cost) and last.json in, updated every epoch" };
    public Option<string?> Plot { get; } = Opt.Plot();
    public Option<string?> Metrics { get; } = Opt.Metrics();
    public Option<string?> MaxMemory { get; } = Opt.MaxMemory();
    public Option<string?> Verbosity { get; } = Opt.Verbosity();
    public Option<int?> LogEvery { get; } = Opt.LogEvery();
    public Option<bool> NoBias { get; } = Opt.NoBias();
    public Option<bool> FrozenBiases { get; } = Opt.FrozenBiases();
    public Option<string?> BatchGradient { get; } = Opt.BatchGradient();
    public Option<string?> Order { get; } = new("--order") { Description = "Sample order in each epoch: shuffled (default) | in-order (Mitchell's incremental rule)" };
    public Option<bool> Json { get; } = Opt.Json();
    public Option<bool> Quiet { get; } = Opt.Quiet();

    /// <summary>Adds every option to <c>train</c>.</summary>
    public void AddAll(Command command)
    {
        foreach (var option in new Option[]
                 {
                     Dataset, Data, Label, Target, Delimiter, Normalize, TestFraction, Model, Resume, Layers, Activation, Cost, Init,
                     Optimizer, LearningRate, LrDecay, Batch, Epochs, L1, L2, Validation, EarlyStop, ErrorThreshold, Seed, Threads,
                     Save, SaveState, Checkpoint, Plot, Metrics, MaxMemory, Verbosity, LogEvery, NoBias, FrozenBiases, BatchGradient, Order,
                     Json, Quiet,
                 })
        {
            command.Add(option);
        }
    }

    /// <summary>Adds the options the main job takes (its data and network are fixed).</summary>
    public void AddMainJob(Command command)
    {
        foreach (var option in new Option[]
                 {
                     Epochs, LearningRate, Batch, Seed, Threads, Save, Checkpoint, Plot, Metrics, MaxMemory, Verbosity, LogEvery, Json, Quiet,
                 })
        {
            command.Add(option);
        }
    }

    /// <summary>
    /// The hyperparameters the command line gives, over <paramref name="defaults"/> (the data set's): an option not
    /// given, or not on this command, keeps the default.
    /// </summary>
    public TrainingOptions Bind(ParseResult p, TrainingOptions defaults) => defaults with
    {
        Epochs = p.GetValue(Epochs) ?? defaults.Epochs,
        BatchSize = p.GetValue(Batch) ?? defaults.BatchSize,
        LearningRate = p.GetValue(LearningRate) ?? defaults.LearningRate,
        Schedule = p.GetValue(LrDecay) is { } decay ? LearningRateSchedule.Parse(decay) : defaults.Schedule,
        Optimizer = p.GetValue(Optimizer) is { } optimizer ? Training.Optimizer.Parse(optimizer) : defaults.Optimizer,
        L1 = p.GetValue(L1) ?? defaults.L1,
        L2 = p.GetValue(L2) ?? defaults.L2,
        ValidationFraction = p.GetValue(Validation) ?? defaults.ValidationFraction,
        EarlyStopPatience = p.GetValue(EarlyStop) ?? defaults.EarlyStopPatience,
        ErrorThreshold = p.GetValue(ErrorThreshold) ?? defaults.ErrorThreshold,
        Seed = p.GetValue(Seed),
        BatchGradient = p.GetValue(BatchGradient) is { } gradient ? Opt.ParseBatchGradient(gradient) : defaults.BatchGradient,
        Shuffle = p.GetValue(Order) is { } order ? ParseOrder(order) : defaults.Shuffle,
    };

    /// <summary>Reads --order: shuffled (every epoch, the default) or in-order (the stored order).</summary>
    private static bool ParseOrder(string text) => text.Trim().ToLowerInvariant() switch
    {
        "shuffled" => true,
        "in-order" => false,
        _ => throw new UsageException($"--order: unknown order '{text}' (valid: shuffled, in-order)"),
    };
}
