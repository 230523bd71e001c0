using System.Globalization;
using EcsNet.Data;
using EcsNet.Datasets;
using EcsNet.Persistence;

namespace EcsNet.Cli.Options;

/// <summary>
/// Turns <c>--dataset NAME</c> or <c>--data PATH</c> into data sets through the library's loaders (no parsing here).
/// </summary>
internal static class DataSources
{
    /// <summary>The names <c>--dataset</c> accepts.</summary>
    public const string Names = "xor | and | or | nand | xnor | iris | mnist | circle | xor2d | gauss | spiral";

    private static readonly string[] Gates = ["xor", "and", "or", "nand", "xnor"];
    private static readonly string[] PlaygroundKinds = ["circle", "xor2d", "gauss", "spiral"];

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
    public static Problem Load(string? dataset, string? data, string? label, string? target, string? normalize, double? testFraction, long seed, double noise = 0)
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
            return FromPath(data, label, target, normalize, testFraction ?? 0, split);
        }

        var name = (dataset ?? "mnist").Trim().ToLowerInvariant();
        if (Gates.Contains(name))
        {
            // Four rows: training and measuring on the same truth table is the point of the exercise.
            return Finish(name, LogicGates.ByName(name), null, normalize ?? "none", 0, split,
                new Defaults("2,3,1", "sigmoid", LearningRate: 2.0f, Batch: 1, Epochs: 2000));
        }

        switch (name)
        {
            case "iris":
                return Finish(name, Iris.Load(), null, normalize ?? "zscore", testFraction ?? 1.0 / 3, split,
                    new Defaults("4,8,3", "sigmoid", LearningRate: 1.0f, Batch: 10, Epochs: 200));
            case "mnist":
                var (train, test) = Mnist10k.Load();
                return Finish("mnist-10k", train, test, normalize ?? "none", testFraction ?? 0, split, new Defaults("784,30,10", "sigmoid"));
        }

        if (PlaygroundKinds.Contains(name))
        {
            var points = Playground.Generate(name, PlaygroundCount, noise, split);
            return Finish(name, points, null, normalize ?? "none", testFraction ?? 0.5, split,
                new Defaults("2,8,8,1", "tanh,tanh,sigmoid", LearningRate: 0.3f, Batch: 10, Epochs: 200, Init: "xavier"));
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

    private static Problem FromPath(string path, string? label, string? target, string? normalize, double testFraction, int seed)
    {
        if (Directory.Exists(path))
        {
            var (train, test) = Mnist.LoadFolder(path);
            return Finish(Path.GetFileName(Path.TrimEndingDirectorySeparator(path)), train, test, normalize ?? "none", testFraction, seed,
                new Defaults($"{train.InputSize},30,{train.OutputSize}", "sigmoid"));
        }

        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path}: no such file or folder");
        }

        var targets = target is null ? null : Parse.Split(target);
        var set = CsvDataReader.Read(path, label, targets);
        var hidden = Math.Max(4, (set.InputSize + set.OutputSize) / 2 + 2);
        var defaults = new Defaults($"{set.InputSize},{hidden},{set.OutputSize}", "sigmoid", LearningRate: 0.5f, Batch: 10, Epochs: 100);
        return Finish(Path.GetFileNameWithoutExtension(path), set, null, normalize ?? "none", testFraction, seed, defaults);
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
