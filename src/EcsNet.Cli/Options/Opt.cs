using System.CommandLine;

namespace EcsNet.Cli.Options;

/// <summary>Factories for options shared by several commands, so each has one name, one description and one list of accepted values.</summary>
internal static class Opt
{
    /// <summary>The built-in data sets of <c>train</c> and <c>predict</c>.</summary>
    public static readonly string[] DatasetNames = ["xor", "and", "or", "nand", "xnor", "iris", "mnist", "circle", "xor2d", "gauss", "spiral"];

    /// <summary>The 2-D sets, the same names in <c>train</c> and <c>playground</c>.</summary>
    public static readonly string[] PlaygroundNames = ["circle", "xor2d", "gauss", "spiral"];

    /// <summary>How much a training command prints.</summary>
    public static readonly string[] VerbosityNames = ["quiet", "epochs", "bar"];

    public static Option<string?> Model(bool required = false) => new("--model", "-m")
    {
        Description = "An ecsnet-model/1 JSON file (saved by --save or written by hand)",
        Required = required,
    };

    public static Option<string?> Data() => new("--data", "-d")
    {
        Description = "A CSV file (header row, numeric features; ',' ';' or tab detected) or a folder of MNIST IDX files (raw or .gz)",
    };

    public static Option<string?> Dataset() => Accepting(new Option<string?>("--dataset")
    {
        Description = "A built-in data set (default: mnist)",
    }, DatasetNames);

    public static Option<string?> Label() => new("--label")
    {
        Description = "CSV: the class-label column (one-hot encoded); default: the last column",
    };

    public static Option<string?> Target() => new("--target")
    {
        Description = "CSV: numeric target column(s), comma-separated, instead of a label column (regression: MSE, MAE and R² are reported)",
    };

    public static Option<string?> Delimiter() => new("--delimiter")
    {
        Description = "CSV: the field separator: ',' ';' 'tab' or one character (default: detected from the header row)",
    };

    public static Option<double?> TestFraction(string defaultText) => new("--test-fraction")
    {
        Description = $"Fraction of the data held out as the test set, in [0, 1) (default: {defaultText})",
    };

    public static Option<string?> Layers(string defaultText) => new("--layers")
    {
        Description = $"Layer sizes from input to output, e.g. 784,30,10 (default: {defaultText})",
    };

    public static Option<string?> Activation(string defaultText) => new("--activation")
    {
        Description = $"Activation of every layer, or a comma list per layer: step, sign, linear, sigmoid, tanh, hardtanh, relu, leaky-relu[:SLOPE, default 0.01], softmax (default: {defaultText})",
    };

    public static Option<string?> Cost(string defaultText) => new("--cost")
    {
        Description = $"Cost function: quadratic | cross-entropy (default: {defaultText})",
    };

    /// <summary>η; its default belongs to <see cref="Training.TrainingOptions"/> or to the data set, never to the option.</summary>
    public static Option<float?> LearningRate(string defaultText) => new("--lr")
    {
        Description = $"Learning rate η > 0 (default: {defaultText})",
    };

    public static Option<int?> Epochs(string defaultText) => new("--epochs")
    {
        Description = $"Passes over the training data (default: {defaultText})",
    };

    public static Option<int?> Batch(string defaultText) => new("--batch")
    {
        Description = $"Mini-batch size m: 1 = incremental, 0 = full batch; larger than the data means full batch (default: {defaultText})",
    };

    public static Option<long> Seed() => new("--seed")
    {
        Description = "Seed for initialisation, shuffling and data splits (same seed, same result) (default: 1)",
        DefaultValueFactory = _ => 1,
    };

    public static Option<string?> Save() => new("--save")
    {
        Description = "Save the trained model here (checked before training; written atomically; also after divergence or Ctrl-C, with the last good weights)",
    };

    public static Option<string?> Plot() => new("--plot")
    {
        Description = "Write cost and accuracy curves as an SVG file",
    };

    public static Option<string?> Metrics() => new("--metrics")
    {
        Description = "Write per-epoch metrics as a CSV file, a line as each epoch ends (can be followed live)",
    };

    public static Option<string?> MaxMemory() => new("--max-memory")
    {
        Description = "Refuse networks estimated to need more memory than this, e.g. 512MB, 16GB, or 'none' (default: the memory the machine has)",
    };

    public static Option<string?> Verbosity() => Accepting(new Option<string?>("--verbosity", "-v")
    {
        Description = "quiet: only the summary; epochs: one line per epoch; bar: a progress bar with ETA, running cost and samples/s (default: bar in a terminal, else epochs)",
    }, VerbosityNames);

    public static Option<int?> LogEvery() => new("--log-every")
    {
        Description = "Print every N-th epoch line (the first and last always) (default: 1 up to 50 epochs, else a round N giving about 50 lines)",
    };

    public static Option<bool> Json() => new("--json")
    {
        Description = "Write JSON lines on stdout instead of text (nothing else goes to stdout; see docs/cli/json.md)",
    };

    public static Option<bool> Quiet() => new("--quiet", "-q")
    {
        Description = "No progress output; only the final summary",
    };

    public static Option<string?> BatchGradient() => new("--batch-gradient")
    {
        Description = "How a mini-batch's gradients combine: mean (D = Δ/m, Unicamp; default) | sum (Δ, Mitchell/Utah, Seoul's batch_update)",
    };

    /// <summary>Reads <see cref="BatchGradient"/>'s value; null means the default, the mean.</summary>
    public static Training.BatchGradient ParseBatchGradient(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        null or "mean" => Training.BatchGradient.Mean,
        "sum" => Training.BatchGradient.Sum,
        _ => throw new UsageException($"--batch-gradient: unknown value '{text}' (valid: mean, sum)"),
    };

    public static Option<bool> FrozenBiases() => new("--frozen-biases")
    {
        Description = "Keep every bias fixed while training (Mazur's worked example does)",
    };

    public static Option<bool> NoBias() => new("--no-bias")
    {
        Description = "Build the layers without biases (z = Σ w a, as in Utah's Z = XW)",
    };

    public static Option<int?> Threads() => new("--threads")
    {
        Description = "Threads for the synapse passes of large layers (default: 1; results do not depend on it)",
    };

    /// <summary>Restricts <paramref name="option"/> to <paramref name="values"/>: errors, help and completion list them.</summary>
    public static Option<T> Accepting<T>(Option<T> option, string[] values)
    {
        option.AcceptOnlyFromAmong(values);
        return option;
    }
}
