using System.CommandLine;

namespace EcsNet.Cli.Options;

/// <summary>Factories for options shared by several commands, so each has one name and one description.</summary>
internal static class Opt
{
    public static Option<string?> Model(bool required = false) => new("--model", "-m")
    {
        Description = "An ecsnet-model/1 JSON file (saved by --save or written by hand)",
        Required = required,
    };

    public static Option<string?> Data() => new("--data", "-d")
    {
        Description = "A CSV file (header row, numeric features) or a folder of MNIST IDX files (raw or .gz)",
    };

    public static Option<string?> Dataset(string valid) => new("--dataset")
    {
        Description = $"A built-in data set: {valid}",
    };

    public static Option<string?> Label() => new("--label")
    {
        Description = "CSV: the class-label column (one-hot encoded); default: the last column",
    };

    public static Option<string?> Target() => new("--target")
    {
        Description = "CSV: numeric target column(s), comma-separated, instead of a label column",
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

    public static Option<float?> LearningRate(string defaultText) => new("--lr")
    {
        Description = $"Learning rate η > 0 (default: {defaultText})",
    };

    public static Option<long> Seed() => new("--seed")
    {
        Description = "Seed for initialisation, shuffling and data splits (same seed, same result)",
        DefaultValueFactory = _ => 1,
    };

    public static Option<bool> Json() => new("--json")
    {
        Description = "Write JSON lines on stdout instead of text (nothing else goes to stdout)",
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
        Description = "Threads for the synapse passes of large layers (default 1; results do not depend on it)",
    };
}
