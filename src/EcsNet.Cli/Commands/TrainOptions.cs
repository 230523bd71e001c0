using System.CommandLine;
using EcsNet.Cli.Options;

namespace EcsNet.Cli.Commands;

/// <summary>The options of <c>train</c> (the main job takes a subset), read into a <see cref="TrainRequest"/>.</summary>
internal sealed class TrainOptions
{
    private readonly Option<string?> _dataset = Opt.Dataset(DataSources.Names + " (default: mnist)");
    private readonly Option<string?> _data = Opt.Data();
    private readonly Option<string?> _label = Opt.Label();
    private readonly Option<string?> _target = Opt.Target();
    private readonly Option<string?> _normalize = new("--normalize") { Description = "Input normalisation fitted on the training data: none | minmax | zscore (default: zscore for iris, else none)" };
    private readonly Option<double?> _testFraction = new("--test-fraction") { Description = "Fraction held out as the test set (default: 1/3 for iris, 0.5 for the 2-D sets, the t10k files for IDX folders, else 0)" };
    private readonly Option<string?> _model = Opt.Model();
    private readonly Option<string?> _layers = Opt.Layers("per data set, e.g. 784,30,10 for mnist");
    private readonly Option<string?> _activation = Opt.Activation("per data set, e.g. sigmoid");
    private readonly Option<string?> _cost = Opt.Cost("quadratic");
    private readonly Option<string?> _init = new("--init") { Description = "Initial weights: gaussian | uniform:EPS | uniform01 (U(0,1), Seoul) | zero | xavier | he (default: gaussian, N(0,1))" };
    private readonly Option<string> _optimizer = new("--optimizer") { Description = "sgd | momentum:0.9 | nesterov:0.9 | adagrad | adadelta | rmsprop | adam | adamax | nadam", DefaultValueFactory = _ => "sgd" };
    private readonly Option<float?> _lr = Opt.LearningRate("3.0 for mnist");
    private readonly Option<string> _lrDecay = new("--lr-decay") { Description = "none | step:GAMMA:EVERY | exp:K", DefaultValueFactory = _ => "none" };
    private readonly Option<int?> _batch = new("--batch") { Description = "Mini-batch size m: 1 = incremental, 0 = full batch (default: 10)" };
    private readonly Option<int?> _epochs = new("--epochs") { Description = "Passes over the training data (default: 30 for mnist)" };
    private readonly Option<float> _l1 = new("--l1") { Description = "L1 penalty λ₁ ≥ 0" };
    private readonly Option<float> _l2 = new("--l2") { Description = "L2 penalty λ₂ ≥ 0" };
    private readonly Option<double> _validation = new("--validation") { Description = "Fraction of the training data held out for validation, in [0, 1)" };
    private readonly Option<int> _earlyStop = new("--early-stop") { Description = "Stop after this many epochs without a better validation cost (needs --validation)" };
    private readonly Option<double?> _errorThreshold = new("--error-threshold") { Description = "Stop once the training cost is at or below this value" };
    private readonly Option<long> _seed = Opt.Seed();
    private readonly Option<int?> _threads = Opt.Threads();
    private readonly Option<string?> _save = new("--save") { Description = "Save the trained model here (atomically; also after divergence or Ctrl-C, with the last good weights)" };
    private readonly Option<string?> _plot = new("--plot") { Description = "Write cost and accuracy curves as an SVG file" };
    private readonly Option<string?> _metrics = new("--metrics") { Description = "Write per-epoch metrics as a CSV file" };
    private readonly Option<bool> _noBias = Opt.NoBias();
    private readonly Option<bool> _frozenBiases = Opt.FrozenBiases();
    private readonly Option<string?> _batchGradient = Opt.BatchGradient();
    private readonly Option<string?> _order = new("--order") { Description = "Sample order in each epoch: shuffled (default) | in-order (Mitchell's incremental rule)" };
    private readonly Option<bool> _json = Opt.Json();
    private readonly Option<bool> _quiet = Opt.Quiet();

    /// <summary>Adds every option to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        foreach (var option in new Option[]
                 {
                     _dataset, _data, _label, _target, _normalize, _testFraction, _model, _layers, _activation, _cost, _init, _optimizer,
                     _lr, _lrDecay, _batch, _epochs, _l1, _l2, _validation, _earlyStop, _errorThreshold, _seed, _threads, _save, _plot,
                     _metrics, _noBias, _frozenBiases, _batchGradient, _order, _json, _quiet,
                 })
        {
            command.Add(option);
        }
    }

    /// <summary>The request the parsed options describe.</summary>
    public TrainRequest Read(ParseResult p) => new()
    {
        Dataset = p.GetValue(_dataset),
        Data = p.GetValue(_data),
        Label = p.GetValue(_label),
        Target = p.GetValue(_target),
        Normalize = p.GetValue(_normalize),
        TestFraction = p.GetValue(_testFraction),
        Model = p.GetValue(_model),
        Layers = p.GetValue(_layers),
        Activation = p.GetValue(_activation),
        Cost = p.GetValue(_cost),
        Init = p.GetValue(_init),
        Optimizer = p.GetValue(_optimizer)!,
        LearningRate = p.GetValue(_lr),
        LrDecay = p.GetValue(_lrDecay)!,
        Batch = p.GetValue(_batch),
        Epochs = p.GetValue(_epochs),
        L1 = p.GetValue(_l1),
        L2 = p.GetValue(_l2),
        Validation = p.GetValue(_validation),
        EarlyStop = p.GetValue(_earlyStop),
        ErrorThreshold = p.GetValue(_errorThreshold),
        Seed = p.GetValue(_seed),
        Threads = p.GetValue(_threads),
        Save = p.GetValue(_save),
        Plot = p.GetValue(_plot),
        Metrics = p.GetValue(_metrics),
        NoBias = p.GetValue(_noBias),
        FrozenBiases = p.GetValue(_frozenBiases),
        BatchGradient = p.GetValue(_batchGradient),
        Order = p.GetValue(_order),
        Json = p.GetValue(_json),
        Quiet = p.GetValue(_quiet),
    };
}
