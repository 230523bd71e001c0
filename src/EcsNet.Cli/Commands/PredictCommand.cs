using System.CommandLine;
using System.Globalization;
using EcsNet.Cli.Options;
using EcsNet.Cli.Output;
using EcsNet.Data;
using EcsNet.Training;

namespace EcsNet.Cli.Commands;

/// <summary><c>ecsnet predict</c>: runs a saved model on data; outputs per sample and the accuracy.</summary>
internal static class PredictCommand
{
    public static Command Create(CliContext context)
    {
        var command = HelpText.Command("predict", """
            Run a saved model on data: outputs per sample and the accuracy.

            Run a saved model on data: one line per sample (predicted class and outputs), then the accuracy.
            The model's stored input normalisation is applied to the raw data. Built-in data sets give their test part
            (the same split as train with the same --seed). A CSV file whose columns are exactly the model's inputs
            (no label column, no --label) is unlabelled: outputs per sample, no accuracy.

            Examples:
              ecsnet predict --model mnist.json --dataset mnist
              ecsnet predict --model flowers.json --data flowers.csv --label species --json
            """);
        var model = Opt.Model(required: true);
        var data = Opt.Data();
        var dataset = Opt.Dataset(DataSources.Names);
        var label = Opt.Label();
        var target = Opt.Target();
        var seed = Opt.Seed();
        var limit = new Option<int?>("--limit") { Description = "Print at most this many samples (the accuracy still covers all)" };
        var json = Opt.Json();
        foreach (var option in new Option[] { model, data, dataset, label, target, seed, limit, json })
        {
            command.Add(option);
        }

        command.SetAction(p => Run(context, p.GetValue(model)!, p.GetValue(dataset), p.GetValue(data), p.GetValue(label),
            p.GetValue(target), p.GetValue(seed), p.GetValue(limit), p.GetValue(json)));
        return command;
    }

    private static int Run(CliContext context, string modelPath, string? dataset, string? dataPath, string? label, string? target, long seed, int? limit, bool json)
    {
        using var model = Models.Load(modelPath);
        var network = model.Network;

        // A CSV file with exactly the model's inputs as columns, and no --label or --target, is unlabelled data:
        // otherwise its last column would be taken as the label and the shapes could never match.
        if (dataset is null && dataPath is not null && label is null && target is null && File.Exists(dataPath)
            && CsvDataReader.TryReadFeatures(dataPath, network.InputSize, out var features))
        {
            return RunUnlabelled(context, model, dataPath, features, limit, json);
        }

        var data = DataSources.ForPrediction(dataset, dataPath, label, target, seed);
        if (model.Normalizer is { } normalizer)
        {
            if (normalizer.InputSize != data.InputSize)
            {
                throw new UsageException($"shape mismatch: model {modelPath} normalises {normalizer.InputSize} inputs, but '{data.Name}' has {data.InputSize}");
            }

            data = normalizer.Apply(data);
        }

        Models.CheckShape(network, data, $"model {modelPath}", $"data '{data.Name}'");
        data = Targets.ForOutput(data, network.OutputLayer.Function);
        var eval = Evaluator.Evaluate(network, data);
        var names = model.ClassNames ?? data.ClassNames;
        string ClassName(int c) => names is not null && c < names.Length ? names[c] : c.ToString(CultureInfo.InvariantCulture);
        var labelled = data.Labels is not null;
        var shown = Math.Min(data.Count, limit ?? int.MaxValue);
        var lines = new JsonLines(context.Out);
        var outputs = new float[network.OutputSize];
        for (var i = 0; i < shown; i++)
        {
            network.Predict(data.Input(i)).CopyTo(outputs);
            if (json)
            {
                lines.Write(new
                {
                    index = i,
                    predicted = eval.Predictions[i],
                    predicted_name = ClassName(eval.Predictions[i]),
                    actual = labelled ? eval.Truth[i] : (int?)null,
                    outputs,
                });
            }
            else
            {
                var values = string.Join(", ", outputs.Select(v => v.ToString("F4", CultureInfo.InvariantCulture)));
                var truth = labelled ? $"  (true {ClassName(eval.Truth[i])}{(eval.Truth[i] == eval.Predictions[i] ? "" : ", WRONG")})" : "";
                context.Out.WriteLine($"{i,5}: {ClassName(eval.Predictions[i])}{truth}  [{values}]");
            }
        }

        if (json)
        {
            lines.Write(new { summary = true, samples = eval.Count, correct = eval.Correct, accuracy = eval.Accuracy, cost = eval.Cost });
        }
        else
        {
            context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"accuracy {Fmt.Percent(eval.Accuracy)} ({eval.Correct}/{eval.Count}), cost {eval.Cost:F6} on '{data.Name}'"));
        }

        return ExitCodes.Success;
    }

    /// <summary>Outputs per sample of a features-only CSV file; with no labels there is no accuracy or cost to report.</summary>
    private static int RunUnlabelled(CliContext context, LoadedModel model, string dataPath, float[] features, int? limit, bool json)
    {
        var network = model.Network;
        var inputs = network.InputSize;
        if (model.Normalizer is { } normalizer && normalizer.InputSize != inputs)
        {
            throw new UsageException($"shape mismatch: model {model.Path} normalises {normalizer.InputSize} inputs, but has {inputs}");
        }

        var count = features.Length / inputs;
        var shown = Math.Min(count, limit ?? int.MaxValue);
        var names = model.ClassNames;
        string ClassName(int c) => names is not null && c < names.Length ? names[c] : c.ToString(CultureInfo.InvariantCulture);
        var lines = new JsonLines(context.Out);
        var sample = new float[inputs];
        var outputs = new float[network.OutputSize];
        for (var i = 0; i < shown; i++)
        {
            features.AsSpan(i * inputs, inputs).CopyTo(sample);
            model.Normalizer?.Apply(sample);
            network.Predict(sample).CopyTo(outputs);
            var predicted = Classification.ClassOf(outputs, outputs.Length, 1, 0, network.OutputLayer.Function);
            if (json)
            {
                lines.Write(new { index = i, predicted, predicted_name = ClassName(predicted), actual = (int?)null, outputs });
            }
            else
            {
                var values = string.Join(", ", outputs.Select(v => v.ToString("F4", CultureInfo.InvariantCulture)));
                context.Out.WriteLine($"{i,5}: {ClassName(predicted)}  [{values}]");
            }
        }

        var name = Path.GetFileNameWithoutExtension(dataPath);
        if (json)
        {
            lines.Write(new { summary = true, samples = count, labelled = false });
        }
        else
        {
            context.Out.WriteLine($"{count} samples predicted on '{name}' (no label column: no accuracy)");
        }

        return ExitCodes.Success;
    }
}
