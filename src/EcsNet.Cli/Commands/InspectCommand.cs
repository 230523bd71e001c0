using System.CommandLine;
using System.Globalization;
using EcsNet.Cli.Options;
using EcsNet.Cli.Output;
using EcsNet.Data;
using EcsNet.Diagnostics;
using Spectre.Console;

namespace EcsNet.Cli.Commands;

/// <summary><c>ecsnet inspect</c>: entity counts, per-layer weight and gradient statistics, saturated and dead units.</summary>
internal static class InspectCommand
{
    /// <summary>Samples backpropagated to measure gradient norms.</summary>
    private const int GradientSamples = 256;

    public static Command Create(CliContext context)
    {
        var command = HelpText.Command("inspect", """
            Entity counts, per-layer weight and gradient statistics, saturated neurons and dead ReLUs.

            Inspect a model through ECS queries: entities per kind (layers, input/hidden/output neurons, synapses,
            synapses with their own η or frozen), per-layer weight and bias statistics, and — with data — the mean
            gradient norms over the first 256 samples, saturated sigmoid/tanh units (mean f′(z) below --threshold of its
            maximum) and dead ReLUs (z ≤ 0 on every sample).

            Examples:
              ecsnet inspect --model mnist.json
              ecsnet inspect --model mnist.json --dataset mnist --json
            """);
        var model = Opt.Model(required: true);
        var data = Opt.Data();
        var dataset = Opt.Dataset(DataSources.Names);
        var label = Opt.Label();
        var target = Opt.Target();
        var threshold = new Option<double>("--threshold") { Description = "Saturation threshold as a fraction of f′'s maximum", DefaultValueFactory = _ => 0.01 };
        var seed = Opt.Seed();
        var json = Opt.Json();
        foreach (var option in new Option[] { model, data, dataset, label, target, threshold, seed, json })
        {
            command.Add(option);
        }

        command.SetAction(p =>
        {
            var path = p.GetValue(model)!;
            using var loaded = Models.Load(path);
            var network = loaded.Network;
            DataSet? set = null;
            if (p.GetValue(data) is not null || p.GetValue(dataset) is not null)
            {
                set = DataSources.ForPrediction(p.GetValue(dataset), p.GetValue(data), p.GetValue(label), p.GetValue(target), p.GetValue(seed));
                set = loaded.Normalizer?.Apply(set) ?? set;
                Models.CheckShape(network, set, $"model {path}", $"data '{set.Name}'");
                set = Targets.ForOutput(set, network.OutputLayer.Function);
            }

            var m = set is null ? 0 : Math.Min(GradientSamples, set.Count);
            if (set is not null)
            {
                // Accumulate ∂C/∂w over a batch so the report's gradient norms mean something (they are zero after an update).
                network.LoadBatch(set, Enumerable.Range(0, m).ToArray());
                network.Forward();
                network.Backpropagate();
            }

            var report = NetworkInspector.Inspect(network, set, p.GetValue(threshold));
            network.DiscardGradients();
            Print(context, path, network, report, m, p.GetValue(json));
            return ExitCodes.Success;
        });
        return command;
    }

    private static void Print(CliContext context, string path, Network network, InspectionReport r, int m, bool json)
    {
        double Mean(double norm) => m == 0 ? 0 : norm / m;
        var c = r.Counts;
        if (json)
        {
            new JsonLines(context.Out).Write(new
            {
                model = path,
                network = NetworkFactory.Describe(network),
                entities = new
                {
                    total = c.Total,
                    layers = c.Layers,
                    input_neurons = c.InputNeurons,
                    hidden_neurons = c.HiddenNeurons,
                    output_neurons = c.OutputNeurons,
                    synapses = c.Synapses,
                    synapses_with_learning_rate = c.SynapsesWithLearningRate,
                    frozen_synapses = c.FrozenSynapses,
                },
                samples = r.Samples,
                layers = r.Layers.Select(l => new
                {
                    layer = l.Layer,
                    activation = l.ActivationFunction,
                    size = l.Size,
                    weights = l.Weights.Count,
                    weight_mean = l.Weights.Mean,
                    weight_std = l.Weights.StandardDeviation,
                    weight_min = l.Weights.Min,
                    weight_max = l.Weights.Max,
                    weight_norm = l.Weights.L2Norm,
                    weight_gradient_norm = Mean(l.WeightGradientNorm),
                    bias_mean = l.Biases.Mean,
                    bias_norm = l.Biases.L2Norm,
                    bias_gradient_norm = Mean(l.BiasGradientNorm),
                }),
                saturated = r.SaturatedNeurons.Select(n => new[] { n.Layer, n.Index }),
                dead_relus = r.DeadRelus.Select(n => new[] { n.Layer, n.Index }),
            });
            return;
        }

        var ci = CultureInfo.InvariantCulture;
        string G(double v) => v.ToString("G4", ci);
        var console = context.Console();
        console.WriteLine($"{path}: {NetworkFactory.Describe(network)}, {network.Cost.Name} cost");
        var counts = new Table().Title("entities").AddColumns("kind", "count");
        counts.Columns[1].RightAligned();
        foreach (var (kind, count) in new[]
                 {
                     ("layers", c.Layers), ("input neurons", c.InputNeurons), ("hidden neurons", c.HiddenNeurons),
                     ("output neurons", c.OutputNeurons), ("synapses", c.Synapses), ("synapses with own η", c.SynapsesWithLearningRate),
                     ("frozen synapses", c.FrozenSynapses), ("total", c.Total),
                 })
        {
            counts.AddRow(kind, count.ToString(ci));
        }

        console.Write(counts);
        var layers = new Table().Title(m > 0 ? $"layers (gradient norms: mean over {m} samples)" : "layers")
            .AddColumns("l", "f", "n", "weights", "mean w", "std w", "min w", "max w", "‖w‖", "‖∂C/∂w‖", "mean b", "‖b‖", "‖∂C/∂b‖");
        foreach (var l in r.Layers)
        {
            layers.AddRow(l.Layer.ToString(ci), l.ActivationFunction, l.Size.ToString(ci), l.Weights.Count.ToString(ci), G(l.Weights.Mean),
                G(l.Weights.StandardDeviation), G(l.Weights.Min), G(l.Weights.Max), G(l.Weights.L2Norm), m > 0 ? G(Mean(l.WeightGradientNorm)) : "-",
                G(l.Biases.Mean), G(l.Biases.L2Norm), m > 0 ? G(Mean(l.BiasGradientNorm)) : "-");
        }

        console.Write(layers);
        if (r.Samples == 0)
        {
            console.WriteLine("give --data or --dataset to find saturated neurons and dead ReLUs");
            return;
        }

        console.WriteLine($"over {r.Samples} samples: {r.SaturatedNeurons.Count} saturated neurons, {r.DeadRelus.Count} dead ReLUs");
        foreach (var n in r.SaturatedNeurons.Concat(r.DeadRelus).Take(20))
        {
            console.WriteLine(string.Create(ci,
                $"  neuron ({n.Layer},{n.Index}) {n.ActivationFunction}: mean f'(z) {n.MeanDerivative:G3}, z in [{n.MinNetInput:G4}, {n.MaxNetInput:G4}]{(n.IsDeadRelu ? ", dead" : ", saturated")}"));
        }
    }
}
