using System.CommandLine;
using System.Globalization;
using EcsNet.ActivationFunctions;
using EcsNet.Cli.Options;
using EcsNet.Cli.Output;
using EcsNet.Costs;
using EcsNet.Data;
using EcsNet.Diagnostics;
using Spectre.Console;

namespace EcsNet.Cli.Commands;

/// <summary><c>ecsnet gradcheck</c>: backprop against finite differences, worst relative error per layer, and what the
/// estimate cost against one backpropagation.</summary>
internal static class GradCheckCommand
{
    public static Command Create(CliContext context)
    {
        var command = HelpText.Command("gradcheck", """
            Backpropagation against finite differences: worst relative error per layer, passes and time.

            Compare backpropagation's ∂C/∂w and ∂C/∂b with central differences (C(θ+ε) − C(θ−ε)) / 2ε, or with
            --difference one-sided (C(θ+ε) − C(θ)) / ε, for every weight and bias, and print the worst relative error
            |g_bp − g_fd| / max(|g_bp| + |g_fd|, 1e-4) per layer. Then the Seoul deck's argument on your network: the
            forward passes and the time the estimate took against one backpropagation for the same gradient.
            Backprop runs in float, so errors below 1e-2 pass (typically about 1e-4). Exit code 1 when the check fails.
            Without data, random inputs and targets are used. With --quiet only the PASSED or FAILED line is printed.

            Examples:
              ecsnet gradcheck --layers 4,5,3 --activation tanh,softmax --cost cross-entropy
              ecsnet gradcheck --model mnist.json --dataset mnist --samples 4
            """);
        var model = Opt.Model();
        var layers = Opt.Layers("4,5,3");
        var activation = Opt.Activation("sigmoid");
        var cost = Opt.Cost("quadratic, or the model's");
        var init = new Option<string>("--init") { Description = "Initial weights for --layers", DefaultValueFactory = _ => "gaussian" };
        var data = Opt.Data();
        var dataset = Opt.Dataset();
        var samples = new Option<int>("--samples") { Description = "Samples summed over", DefaultValueFactory = _ => 16 };
        var epsilon = new Option<double>("--epsilon") { Description = "The finite-difference step ε", DefaultValueFactory = _ => 1e-6 };
        var tolerance = new Option<double>("--tolerance") { Description = "Largest accepted relative error", DefaultValueFactory = _ => 1e-2 };
        var seed = Opt.Seed();
        var noBias = Opt.NoBias();
        var difference = new Option<string>("--difference") { Description = "central | one-sided", DefaultValueFactory = _ => "central" };
        var json = Opt.Json();
        var quiet = Opt.Quiet();
        foreach (var option in new Option[] { model, layers, activation, cost, init, data, dataset, samples, epsilon, tolerance, difference, noBias, seed, json, quiet })
        {
            command.Add(option);
        }

        command.SetAction(p =>
        {
            if (p.GetValue(samples) < 1 || !(p.GetValue(epsilon) > 0) || !(p.GetValue(tolerance) > 0))
            {
                throw new UsageException("--samples must be at least 1, --epsilon and --tolerance greater than 0");
            }

            var differenceKind = p.GetValue(difference)!.Trim().ToLowerInvariant() switch
            {
                "central" => FiniteDifference.Central,
                "one-sided" or "onesided" or "forward" => FiniteDifference.OneSided,
                var other => throw new UsageException($"--difference: unknown estimator '{other}' (valid: central, one-sided)"),
            };
            var modelPath = p.GetValue(model);
            var layersText = p.GetValue(layers);
            if (modelPath is not null && (layersText is not null || p.GetValue(activation) is not null || p.GetValue(noBias)))
            {
                throw new UsageException("give either --model or --layers/--activation/--no-bias, not both");
            }

            using var network = modelPath is not null
                ? Models.Load(modelPath).Network
                : NetworkFactory.Build(layersText ?? "4,5,3", p.GetValue(activation), "sigmoid", p.GetValue(init)!, p.GetValue(seed), null, bias: !p.GetValue(noBias));
            if (p.GetValue(cost) is { } c)
            {
                network.Cost = CostFunction.ByName(c, network.OutputLayer.Function);
            }

            var set = p.GetValue(data) is null && p.GetValue(dataset) is null
                ? RandomData(network, Math.Max(1, p.GetValue(samples)), p.GetValue(seed))
                : DataSources.ForPrediction(p.GetValue(dataset), p.GetValue(data), null, null, p.GetValue(seed));
            set.CheckFits(network, modelPath is null ? "the network" : $"model {modelPath}");
            var report = GradientCheck.Run(network, set, p.GetValue(samples), p.GetValue(epsilon), differenceKind);
            var passed = report.Passed(p.GetValue(tolerance));
            Print(context, network, report, passed, p.GetValue(tolerance), OutputModes.Of(context, p.GetValue(json), p.GetValue(quiet)));
            return passed ? ExitCodes.Success : ExitCodes.TrainingFailure;
        });
        return command;
    }

    /// <summary>Inputs in [−1, 1]; targets one-hot for softmax outputs, uniform in [0, 1] otherwise.</summary>
    private static DataSet RandomData(Network network, int count, long seed)
    {
        var random = new SeededRandom(seed + 1);
        var inputs = new float[count * network.InputSize];
        for (var i = 0; i < inputs.Length; i++)
        {
            inputs[i] = (float)random.NextUniform(-1, 1);
        }

        var n = network.OutputSize;
        var targets = new float[count * n];
        for (var b = 0; b < count; b++)
        {
            if (network.OutputLayer.Function is Softmax)
            {
                targets[b * n + random.NextInt(n)] = 1f;
            }
            else
            {
                for (var j = 0; j < n; j++)
                {
                    targets[b * n + j] = (float)random.NextDouble();
                }
            }
        }

        return new DataSet("random", inputs, targets, network.InputSize, n);
    }

    private static string Seconds(double s) => s < 1e-3
        ? (s * 1e6).ToString("0.#", CultureInfo.InvariantCulture) + " µs"
        : s < 1 ? (s * 1e3).ToString("0.##", CultureInfo.InvariantCulture) + " ms" : s.ToString("0.##", CultureInfo.InvariantCulture) + " s";

    private static void Print(CliContext context, Network network, GradientCheckReport report, bool passed, double tolerance, OutputMode mode)
    {
        var c = CultureInfo.InvariantCulture;
        if (mode == OutputMode.Json)
        {
            new JsonLines(context.Out).Write(new
            {
                type = "check",
                network = NetworkFactory.Describe(network),
                cost = network.Cost.Name,
                samples = report.Samples,
                epsilon = report.Epsilon,
                parameters = report.ParameterCount,
                worst_error = report.WorstError,
                tolerance,
                passed,
                difference = report.Cost.Difference == FiniteDifference.Central ? "central" : "one-sided",
                forward_passes = report.Cost.ForwardPasses,
                backprop_seconds = report.Cost.BackpropSeconds,
                estimate_seconds = report.Cost.EstimateSeconds,
                layers = report.Layers.Select(l => new
                {
                    layer = l.Layer,
                    weights = l.WeightCount,
                    biases = l.BiasCount,
                    worst_weight_error = l.WorstWeightError,
                    worst_bias_error = l.WorstBiasError,
                }),
            });
            return;
        }

        var verdict = passed
            ? $"PASSED: every relative error is below {tolerance.ToString("G3", c)}"
            : $"FAILED: relative error {report.WorstError.ToString("0.00E+00", c)} is not below {tolerance.ToString("G3", c)}";
        if (mode == OutputMode.Quiet)
        {
            context.Out.WriteLine(verdict);
            return;
        }

        var console = context.Console();
        console.WriteLine($"gradient check of {NetworkFactory.Describe(network)} with {network.Cost.Name} cost: {report.ParameterCount} parameters, {report.Samples} samples, ε = {report.Epsilon.ToString("G3", c)}");
        var table = new Table().AddColumns("layer", "weights", "worst weight error", "biases", "worst bias error");
        foreach (var l in report.Layers)
        {
            table.AddRow(l.Layer.ToString(c), l.WeightCount.ToString(c), l.WorstWeightError.ToString("0.00E+00", c), l.BiasCount.ToString(c), l.WorstBiasError.ToString("0.00E+00", c));
        }

        console.Write(table);
        if (report.Worst is { } w)
        {
            var where = w.Kind == GradientParameter.Weight
                ? $"weight ({w.FromLayer},{w.FromIndex}) → ({w.Layer},{w.Index})"
                : $"bias of neuron ({w.Layer},{w.Index})";
            console.WriteLine($"worst: {where}: backprop {w.Backprop.ToString("G6", c)}, finite difference {w.FiniteDifference.ToString("G6", c)}, relative error {w.RelativeError.ToString("0.00E+00", c)}");
        }

        var k = report.Cost;
        var estimator = k.Difference == FiniteDifference.Central ? "central differences" : "one-sided differences";
        context.Out.WriteLine($"cost of the estimate: {estimator} took {k.ForwardPasses.ToString("N0", c)} forward passes of one sample " +
            $"({(k.Difference == FiniteDifference.Central ? "2" : "1")} per parameter and sample{(k.Difference == FiniteDifference.OneSided ? ", plus the unperturbed one" : "")}) " +
            $"in {Seconds(k.EstimateSeconds)}; backpropagation gave every gradient in one forward and one backward pass per sample " +
            $"({report.Samples.ToString(c)} + {report.Samples.ToString(c)}) in {Seconds(k.BackpropSeconds)}: {k.Ratio.ToString("N0", c)}× longer (wall clock, this run)");
        console.WriteLine(verdict);
    }
}
