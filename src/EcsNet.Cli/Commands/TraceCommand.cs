using System.CommandLine;
using EcsNet.Cli.Options;
using EcsNet.Cli.Output;
using EcsNet.Costs;
using EcsNet.Data;
using EcsNet.Training;

namespace EcsNet.Cli.Commands;

/// <summary>
/// <c>ecsnet trace</c>, the teaching view: forward pass, backward pass and gradient-descent update on one sample or a
/// mini-batch, for one round or many, with every z, a, δ, chain-rule factor, accumulator, weight, gradient and new
/// weight in the lectures' notation.
/// </summary>
internal static class TraceCommand
{
    /// <summary>How δ's sign is meant, printed with every trace (the decks differ).</summary>
    internal const string SignConvention =
        "δ_j^l = ∂C/∂z_j^l, so at the output δ = (a − y)·f′(z) for the quadratic cost and w ← w − η ∂C/∂w; Garreta writes δ = (t − o)·f′(z) and w ← w + η δ x, the same update with δ of the opposite sign";

    private const int MaxSteps = 100_000;
    private const int MaxSamples = 1_000;

    public static Command Create(CliContext context)
    {
        var command = HelpText.Command("trace", """
            The teaching view: forward pass, backward pass and update, number by number.

            Plain gradient descent on one sample or a mini-batch, printed layer by layer in the lectures' notation:
            z_j^l, a_j^l and δ_j^l of every neuron and sample with the chain-rule factors ∂C/∂a_j^L, f′(z_j^l) and
            Σ_k w_kj δ_k; for every synapse w_jk^l, the accumulator Δ = Σ_x a_k δ_j, the gradient D = Δ/m (or Δ with
            --batch-gradient sum) and the new weight; the input gradients ∂C/∂x_k; the cost before and after and the
            output after the update. Numbers print in their shortest exact form (0.05, not 0.050000001).

            Examples:
              ecsnet trace --model docs/cli/mazur-2-2-2.json --input 0.05,0.10 --target 0.01,0.99 --lr 0.5 --frozen-biases
              ecsnet trace --model docs/cli/ceng-sigmoid-neuron.json --input -1,-2 --target 0.43 --lr 1 --steps 19 --compact
              ecsnet trace --layers 2,3,1 --init uniform:1 --seed 3 --dataset xor --batch 4
            """);
        var model = Opt.Model();
        var layers = Opt.Layers("none: give --model or --layers");
        var activation = Opt.Activation("sigmoid");
        var init = new Option<string?>("--init") { Description = "Initial weights with --layers: gaussian | uniform:EPS | uniform01 | zero | xavier | he (default: gaussian)" };
        var seed = Opt.Seed();
        var noBias = Opt.NoBias();
        var input = new Option<string[]>("--input", "-x") { Description = "An input x₁,x₂,…; repeat it (or separate samples with ;) for a mini-batch", AllowMultipleArgumentsPerToken = false };
        var target = new Option<string[]>("--target", "-y") { Description = "The target y₁,y₂,… of each --input, in the same order" };
        var dataset = Opt.Dataset();
        dataset.Description = "A built-in data set (its first --batch samples, in stored order)";
        var data = Opt.Data();
        var batch = new Option<int?>("--batch") { Description = "With --data/--dataset: the number m of samples in the mini-batch (default: all, at most 1000)" };
        var lr = Opt.LearningRate("0.5");
        var cost = Opt.Cost("the model's, else quadratic");
        var steps = new Option<int>("--steps") { Description = "Updates in a row, each round shown (default 1)", DefaultValueFactory = _ => 1 };
        var compact = new Option<bool>("--compact") { Description = "One line per round: weights, biases, output and cost after the update" };
        var frozen = Opt.FrozenBiases();
        var batchGradient = Opt.BatchGradient();
        var json = Opt.Json();
        foreach (var option in new Option[] { model, layers, activation, init, seed, noBias, input, target, dataset, data, batch, lr, cost, steps, compact, frozen, batchGradient, json })
        {
            command.Add(option);
        }

        command.SetAction(p =>
        {
            var request = new TraceRequest(p.GetValue(model), p.GetValue(layers), p.GetValue(activation), p.GetValue(init), p.GetValue(seed),
                p.GetValue(noBias), p.GetValue(input) ?? [], p.GetValue(target) ?? [], p.GetValue(dataset), p.GetValue(data), p.GetValue(batch),
                p.GetValue(lr) ?? 0.5f, p.GetValue(cost), p.GetValue(steps), p.GetValue(compact), p.GetValue(frozen),
                Opt.ParseBatchGradient(p.GetValue(batchGradient)), p.GetValue(json));
            return Run(context, request);
        });
        return command;
    }

    private static int Run(CliContext context, TraceRequest r)
    {
        if (!(r.LearningRate > 0) || !float.IsFinite(r.LearningRate))
        {
            throw new UsageException($"--lr must be a finite number > 0 (got {Fmt.Short(r.LearningRate)})");
        }

        if (r.Steps is < 1 or > MaxSteps)
        {
            throw new UsageException($"--steps must be in 1..{MaxSteps} (got {r.Steps})");
        }

        var (network, normalizer, source) = Open(r);
        using var owned = network;
        if (r.Cost is not null)
        {
            network.Cost = CostFunction.ByName(r.Cost, network.OutputLayer.Function);
        }

        if (r.FrozenBiases)
        {
            network.FreezeBiases();
        }

        var (raw, x, y, m) = Samples(r, network, normalizer);
        var setup = new TraceSetup(source, NetworkFactory.Describe(network), network.Cost.Name, r.LearningRate, m, r.Steps, r.BatchGradient,
            r.FrozenBiases, normalizer is not null, raw, x, y);
        var printer = r.Json ? null : new TracePrinter(context, network, setup, r.Compact);
        var lines = r.Json ? new JsonLines(context.Out) : null;
        lines?.Write(new
        {
            type = "start",
            model = source,
            network = setup.Network,
            cost_function = setup.CostFunction,
            learning_rate = r.LearningRate,
            batch_size = m,
            steps = r.Steps,
            batch_gradient = r.BatchGradient.ToString().ToLowerInvariant(),
            frozen_biases = r.FrozenBiases,
            normalized = setup.Normalized,
            sign_convention = SignConvention,
            inputs = Enumerable.Range(0, m).Select(b => new { x = Row(raw, b, network.InputSize), x_normalized = Row(x, b, network.InputSize), target = Row(y, b, network.OutputSize) }),
        });
        printer?.Start();

        TraceRound last = null!;
        for (var step = 1; step <= r.Steps; step++)
        {
            context.Cancellation.ThrowIfCancellationRequested();
            last = TraceStep.Run(network, step, x, y, m, r.LearningRate, r.BatchGradient);
            lines?.Write(new
            {
                type = "step",
                step,
                cost = last.Cost,
                cost_after = last.CostAfter,
                learning_rate = r.LearningRate,
                batch_size = m,
                output_after = last.OutputAfter,
                input_gradients = last.InputGradients,
                neurons = last.Neurons,
                synapses = last.Synapses,
            });
            printer?.Round(last);
        }

        lines?.Write(new { type = "summary", steps = r.Steps, cost = last.CostAfter, output = last.OutputAfter, target = Enumerable.Range(0, m).Select(b => Row(y, b, network.OutputSize)) });
        printer?.End(last);
        return ExitCodes.Success;
    }

    private static float[] Row(float[] sampleMajor, int b, int width) => sampleMajor.AsSpan(b * width, width).ToArray();

    /// <summary>The network from --model or --layers, the model's input normalisation (if any) and a name for it.</summary>
    private static (Network Network, Normalizer? Normalizer, string Source) Open(TraceRequest r)
    {
        if (r.Model is not null)
        {
            if (r.Layers is not null || r.Init is not null || r.NoBias)
            {
                throw new UsageException("--model cannot be combined with --layers, --init or --no-bias (those build a new network)");
            }

            var loaded = Models.Load(r.Model);
            if (loaded.Normalizer is { } n && n.InputSize != loaded.Network.InputSize)
            {
                loaded.Dispose();
                throw new UsageException($"shape mismatch: model {r.Model} normalises {n.InputSize} inputs but takes {loaded.Network.InputSize}");
            }

            return (loaded.Network, loaded.Normalizer, r.Model);
        }

        if (r.Layers is null)
        {
            throw new UsageException("give --model FILE or --layers SIZES (as in --layers 2,3,1)");
        }

        var network = NetworkFactory.Build(r.Layers, r.Activation, "sigmoid", r.Init ?? "gaussian", r.Seed, null, bias: !r.NoBias);
        return (network, null, $"--layers {r.Layers} --init {r.Init ?? "gaussian"} --seed {r.Seed}");
    }

    /// <summary>The mini-batch: raw inputs, the inputs the network sees (normalised when the model says so), targets, m.</summary>
    private static (float[] Raw, float[] X, float[] Y, int M) Samples(TraceRequest r, Network network, Normalizer? normalizer)
    {
        var n0 = network.InputSize;
        var nL = network.OutputSize;
        float[] raw, y;
        int m;
        if (r.Dataset is not null || r.Data is not null)
        {
            if (r.Inputs.Length > 0 || r.Targets.Length > 0)
            {
                throw new UsageException("give either --input/--target or --data/--dataset, not both");
            }

            var set = DataSources.Load(r.Dataset, r.Data, null, null, "none", 0, r.Seed).Train;
            set.CheckFits(network);
            set = Targets.ForOutput(set, network.OutputLayer.Function);
            m = r.Batch ?? Math.Min(set.Count, MaxSamples);
            if (m < 1 || m > set.Count || m > MaxSamples)
            {
                throw new UsageException($"--batch must be in 1..{Math.Min(set.Count, MaxSamples)} for '{set.Name}' (got {m})");
            }

            raw = set.Inputs.AsSpan(0, m * n0).ToArray();
            y = set.Targets.AsSpan(0, m * nL).ToArray();
        }
        else
        {
            if (r.Batch is not null)
            {
                throw new UsageException("--batch goes with --data or --dataset; with --input give one --input per sample");
            }

            var inputs = r.Inputs.SelectMany(v => v.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)).ToArray();
            var targets = r.Targets.SelectMany(v => v.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)).ToArray();
            if (inputs.Length == 0 || targets.Length == 0)
            {
                throw new UsageException("give the sample(s): --input X --target Y, or --data FILE / --dataset NAME");
            }

            if (inputs.Length != targets.Length)
            {
                throw new UsageException($"{inputs.Length} --input samples but {targets.Length} --target samples; give one target per input");
            }

            if (inputs.Length > MaxSamples)
            {
                throw new UsageException($"at most {MaxSamples} samples in a trace (got {inputs.Length})");
            }

            m = inputs.Length;
            raw = new float[m * n0];
            y = new float[m * nL];
            for (var b = 0; b < m; b++)
            {
                var xb = Parse.Numbers(inputs[b], "--input");
                var yb = Parse.Numbers(targets[b], "--target");
                if (xb.Length != n0 || yb.Length != nL)
                {
                    throw new UsageException(
                        $"shape mismatch: the network takes {n0} inputs and gives {nL} outputs; sample {b + 1} has --input with {xb.Length} and --target with {yb.Length} values");
                }

                xb.CopyTo(raw, b * n0);
                yb.CopyTo(y, b * nL);
            }
        }

        var x = raw.ToArray();
        for (var b = 0; normalizer is not null && b < m; b++)
        {
            normalizer.Apply(x.AsSpan(b * n0, n0));
        }

        return (raw, x, y, m);
    }
}

/// <summary>Everything <c>trace</c> was asked to do.</summary>
internal sealed record TraceRequest(string? Model, string? Layers, string? Activation, string? Init, long Seed, bool NoBias, string[] Inputs,
    string[] Targets, string? Dataset, string? Data, int? Batch, float LearningRate, string? Cost, int Steps, bool Compact, bool FrozenBiases,
    BatchGradient BatchGradient, bool Json);

/// <summary>What a trace runs on: the network's description, the settings and the samples (raw, as fed, targets).</summary>
internal sealed record TraceSetup(string Source, string Network, string CostFunction, float LearningRate, int BatchSize, int Steps,
    BatchGradient BatchGradient, bool FrozenBiases, bool Normalized, float[] RawInputs, float[] Inputs, float[] Targets);
