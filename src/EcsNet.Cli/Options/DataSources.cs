using System.Globalization;
using EcsNet.Data;
using EcsNet.Datasets;
using EcsNet.Persistence;
using EcsNet.Training;

namespace EcsNet.Cli.Options;

/// <summary>
/// Turns <c>--dataset NAME</c> or <c>--data PATH</c> into data sets through the library's loaders (no parsing here).
/// </summary>
internal static class DataSources
{
    /// <summary>The names <c>--dataset</c> accepts.</summary>
    public static readonly string Names = string.Join(" | ", Opt.DatasetNames);

    private static readonly string[] Gates = ["xor", "and", "or", "nand", "xnor"];
    private static readonly string[] PlaygroundKinds = Opt.PlaygroundNames;

    /// <summary>The 2-input gates: 2-3-1 sigmoid, incremental descent.</summary>
    private static readonly Defaults GateDefaults = new("2,3,1", "sigmoid", new TrainingOptions { LearningRate = 2.0f, BatchSize = 1, Epochs = 2000 });

    private static readonly Defaults IrisDefaults = new("4,8,3", "sigmoid", new TrainingOptions { LearningRate = 1.0f, Epochs = 200 });

    /// <summary>The lectures' setup: the library's defaults (η 3.0, mini-batch 10, 30 epochs) are the lectures' values.</summary>
    private static readonly Defaults MnistDefaults = new("784,30,10", "sigmoid", new TrainingOptions());

    private static readonly Defaults PlaygroundDefaults = new("2,8,8,1", "tanh,tanh,sigmoid", new TrainingOptions { LearningRate = 0.3f, Epochs = 200 }, Init: "xavier");

    /// <summary>CSV files: a hidden layer between the input and output sizes.</summary>
    private static Defaults CsvDefaults(int inputs, int outputs)
        => new($"{inputs},{Math.Max(4, (inputs + outputs) / 2 + 2)},{outputs}", "sigmoid", new TrainingOptions { LearningRate = 0.5f, Epochs = 100 });

    /// <summary>"784-30-10 sigmoid, quadratic, η 3, batch 10, 30 epochs": the main job's setup.</summary>
    public static string MnistSetup => MnistDefaults.Describe();

    /// <summary>One line per data set for the help text, from the same presets training uses.</summary>
    public static string DefaultsHelp() => string.Join(Environment.NewLine, new[]
    {
        $"  {string.Join('/', Gates)}: {GateDefaults.Describe()}",
        $"  iris: {IrisDefaults.Describe()}, z-score inputs, a third held out as test set",
        $"  mnist: {MnistDefaults.Describe()}",
        $"  {string.Join('/', PlaygroundKinds)}: {PlaygroundDefaults.Describe()}, xavier init, half held out as test set",
        $"  --data FILE.csv: {CsvDefaults(4, 3).Describe().Replace("4-6-3", "inputs-hidden-outputs", StringComparison.Ordinal)}",
        $"  --data IDX-FOLDER: as mnist, sized to the files",
    });

    /// <summary>Samples generated for a 2-D playground set.</summary>
    public const int PlaygroundCount = 500;

    /// <summary>Resolves the training data. With neither option, the embedded MNIST-10k.</summary>
    /// <param name="dataset">A built-in name, or null.</param>
    /// <param name="data">A CSV file or IDX folder, or null.</param>
    /// <param name="label">CSV label column.</param>
    /// <param name="target">CSV target columns, comma-separated.</param>
    /// <param name="normalize">none | minmax | zscore, or null for the data set's default.</param>
    /// <param name="testFraction">Fraction held out as the test set, or null for the data set's default.</param>
    /// <param name="seed">Seed of the split and the generators.</param>
    /// <param name="noise">Noise of the 2-D generators.</param>
    /// <param name="delimiter">CSV separator as given to --delimiter, or null to detect it.</param>
    public static Problem Load(string? dataset, string? data, string? label, string? target, string? normalize, double? testFraction, long seed, double noise = 0, string? delimiter = null)
    {
        if (dataset is not null && data is not null)
        {
            throw new UsageException("give either --dataset or --data, not both");
        }

        if (data is null && (label is not null || target is not null))
        {
            throw new UsageException("--label and --target select CSV columns: they need --data FILE.csv");
        }

        if (testFraction is { } f && !(f >= 0 && f < 1))
        {
            throw new UsageException($"--test-fraction must be in [0, 1) (got {f.ToString(CultureInfo.InvariantCulture)})");
        }

        var split = unchecked((int)seed);
        if (data is not null)
        {
            return FromPath(data, label, target, normalize, testFraction ?? 0, split, Delimiter(delimiter));
        }

        var name = (dataset ?? "mnist").Trim().ToLowerInvariant();
        if (Gates.Contains(name))
        {
            // Four rows: training and measuring on the same truth table is the point of the exercise.
            return Finish(name, LogicGates.ByName(name), null, normalize ?? "none", 0, split, GateDefaults);
        }

        switch (name)
        {
            case "iris":
                return Finish(name, Iris.Load(), null, normalize ?? "zscore", testFraction ?? 1.0 / 3, split, IrisDefaults);
            case "mnist":
                var (train, test) = Mnist10k.Load();
                return Finish("mnist-10k", train, test, normalize ?? "none", testFraction ?? 0, split, MnistDefaults);
        }

        if (PlaygroundKinds.Contains(name))
        {
            var points = Playground.Generate(name, PlaygroundCount, noise, split);
            return Finish(name, points, null, normalize ?? "none", testFraction ?? 0.5, split, PlaygroundDefaults);
        }

        throw new UsageException($"--dataset: unknown data set '{dataset}' (valid: {Names})");
    }

    /// <summary>The data set <c>predict</c> measures: the test part of a built-in set, or the whole file.</summary>
    public static DataSet ForPrediction(string? dataset, string? data, string? label, string? target, long seed)
    {
        if (dataset is null && data is null)
        {
            throw new UsageException("give the data to predict: --data PATH or --dataset NAME");
        }

        var problem = Load(dataset, data, label, target, "none", null, seed);
        return problem.Test ?? problem.Train;
    }

    /// <summary>--delimiter: ',', ';', 'tab' (or a tab character) or any one character; null to detect.</summary>
    private static char? Delimiter(string? text) => text switch
    {
        null => null,
        "tab" or "\\t" or "\t" => '\t',
        { Length: 1 } when text[0] is not ('"' or '\n' or '\r') => text[0],
        _ => throw new UsageException($"--delimiter '{text}': give one character, such as ';', or 'tab'"),
    };

    private static Problem FromPath(string path, string? label, string? target, string? normalize, double testFraction, int seed, char? delimiter)
    {
        if (Directory.Exists(path))
        {
            var (train, test) = Mnist.LoadFolder(path);
            return Finish(Path.GetFileName(Path.TrimEndingDirectorySeparator(path)), train, test, normalize ?? "none", testFraction, seed,
                MnistDefaults with { Layers = $"{train.InputSize},30,{train.OutputSize}" });
        }

        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path}: no such file or folder");
        }

        var targets = target is null ? null : Parse.Split(target);
        var set = CsvDataReader.Read(path, label, targets, delimiter);
        return Finish(Path.GetFileNameWithoutExtension(path), set, null, normalize ?? "none", testFraction, seed, CsvDefaults(set.InputSize, set.OutputSize));
    }

    private static Problem Finish(string name, DataSet train, DataSet? test, string normalize, double testFraction, int seed, Defaults defaults)
    {
        if (test is null && testFraction > 0)
        {
            (train, test) = train.Split(testFraction, seed);
        }

        var normalizer = normalize.Trim().ToLowerInvariant() switch
        {
            "none" => null,
            "minmax" => Normalization.FitMinMax(train),
            "zscore" or "z-score" => Normalization.FitZScore(train),
            _ => throw new UsageException($"--normalize: unknown normalisation '{normalize}' (valid: none, minmax, zscore)"),
        };
        if (normalizer is not null)
        {
            train = normalizer.Apply(train);
            test = test is null ? null : normalizer.Apply(test);
        }

        return new Problem(name, train, test, normalizer, defaults);
    }

    /// <summary>Stores a normaliser in model metadata so <c>predict</c> can apply it to raw data.</summary>
    public static void Store(Normalizer? normalizer, ModelSpec spec)
    {
        if (normalizer is null)
        {
            return;
        }

        spec.Metadata["input_offsets"] = string.Join(',', normalizer.Offsets.Select(v => v.ToString("R", CultureInfo.InvariantCulture)));
        spec.Metadata["input_scales"] = string.Join(',', normalizer.Scales.Select(v => v.ToString("R", CultureInfo.InvariantCulture)));
    }

    /// <summary>The normaliser stored by <see cref="Store"/>, if any.</summary>
    public static Normalizer? Restore(ModelSpec spec, string source)
    {
        if (!spec.Metadata.TryGetValue("input_offsets", out var offsets) || !spec.Metadata.TryGetValue("input_scales", out var scales))
        {
            return null;
        }

        try
        {
            return new Normalizer(Parse.Numbers(offsets, "metadata.input_offsets"), Parse.Numbers(scales, "metadata.input_scales"));
        }
        catch (Exception e) when (e is UsageException or ArgumentException)
        {
            throw new ModelFormatException(source, "metadata", $"bad input normalisation: {Cli.MessageOf(e)}");
        }
    }
}
