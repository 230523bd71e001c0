using EcsNet.ActivationFunctions;
using EcsNet.Cli.Output;
using EcsNet.Data;
using EcsNet.Rules;
using EcsNet.Training;
using Spectre.Console;

namespace EcsNet.Cli.Commands;

/// <summary>
/// <c>gates --train</c>: one unit per gate, zero initial weights, trained with the perceptron rule Δwᵢ = η(t − o)xᵢ
/// on a step or sign unit, or with the delta rule on the unthresholded linear unit (then read through the step or sign
/// threshold). AND, OR and NAND are linearly separable; XOR is not, and neither rule gets it right.
/// </summary>
internal static class SingleUnitGates
{
    private static readonly string[] Gates = ["and", "or", "nand", "xor"];

    public static int Run(CliContext context, string rule, string unit, string? mode, float lr, int epochs, bool frozenBiases, bool json)
    {
        if (!(lr > 0) || !float.IsFinite(lr) || epochs < 1)
        {
            throw new UsageException($"gates --train needs --lr > 0 and --epochs ≥ 1 (got --lr {Fmt.Short(lr)}, --epochs {epochs})");
        }

        var sign = unit.Trim().ToLowerInvariant() switch
        {
            "step" => false,
            "sign" => true,
            _ => throw new UsageException($"--unit: unknown unit '{unit}' (valid: step, sign)"),
        };
        var delta = rule.Trim().ToLowerInvariant() switch
        {
            "perceptron" => false,
            "delta" => true,
            _ => throw new UsageException($"--rule: unknown rule '{rule}' (valid: perceptron, delta)"),
        };
        var descent = mode?.Trim().ToLowerInvariant() switch
        {
            null or "incremental" => GradientDescentMode.Incremental,
            "batch" => GradientDescentMode.Batch,
            _ => throw new UsageException($"--mode: unknown mode '{mode}' (valid: incremental, batch)"),
        };
        if (!delta && mode is not null)
        {
            throw new UsageException("--mode belongs to the delta rule (--rule delta); the perceptron rule updates after each example");
        }

        var threshold = sign ? ActivationFunction.Sign : ActivationFunction.Step;
        var lines = json ? new JsonLines(context.Out) : null;
        var console = json ? null : context.Console();
        var start = frozenBiases ? "weights starting at 0, bias frozen at 0" : "weights starting at 0";
        console?.WriteLine(delta
            ? $"delta rule Δwᵢ = η(t − o)xᵢ on the linear unit o = w·x ({descent.ToString().ToLowerInvariant()}), read through {threshold.Name}, {start}, η = {Fmt.Short(lr)}, {epochs} epochs"
            : $"perceptron rule Δwᵢ = η(t − o)xᵢ on one {threshold.Name} unit per gate, {start}, η = {Fmt.Short(lr)}, at most {epochs} epochs");
        foreach (var gate in Gates)
        {
            var data = ForUnit(LogicGates.ByName(gate), sign);
            using var network = new NetworkBuilder().Input(2).Dense(1, delta ? ActivationFunction.Linear : threshold).Build(Initializer.Zero);
            if (frozenBiases)
            {
                network.FreezeBiases();
            }

            string outcome;
            string? note = null;
            bool learned;
            if (delta)
            {
                var result = DeltaRule.Train(network, data, descent, lr, epochs);
                learned = Outputs(network, data, sign).SequenceEqual(Enumerable.Range(0, data.Count).Select(i => data.Target(i)[0]));
                outcome = $"E(w) = ½Σ(t − o)² = {Fmt.Short(result.FinalError)} after {result.Epochs} epochs; the thresholded unit is {(learned ? "right on all four inputs" : "WRONG on some input")}";
            }
            else
            {
                var result = PerceptronRule.Train(network, data, lr, epochs);
                learned = result.Converged;
                outcome = result.Converged ? $"converged after {result.Epochs} epochs" : $"did NOT converge in {result.Epochs} epochs";
                note = result.Converged ? null : result.Message;
            }

            var w = network.Synapses().OrderBy(s => s.FromIndex).Select(s => s.Weight).ToArray();
            var b = network.GetBias(1, 0);
            var o = Outputs(network, data, sign);
            lines?.Write(new
            {
                type = "gate",
                gate,
                rule = delta ? "delta" : "perceptron",
                unit = threshold.Name,
                frozen_biases = frozenBiases,
                learned,
                weights = w,
                bias = b,
                inputs = Enumerable.Range(0, data.Count).Select(i => data.Input(i).ToArray()),
                output = o,
                target = Enumerable.Range(0, data.Count).Select(i => data.Target(i)[0]),
            });
            if (console is null)
            {
                continue;
            }

            console.WriteLine();
            var function = delta
                ? $"o = {GatesCommand.Term(b, w[0], w[1])}, read as {(sign ? "sign(o)" : "step(o − ½)")}"
                : $"o = {threshold.Name}({GatesCommand.Term(b, w[0], w[1])})";
            console.WriteLine($"{gate.ToUpperInvariant()}: {outcome}; {function}");
            if (note is not null)
            {
                console.WriteLine(note);
            }

            var table = new Table().AddColumns("x1", "x2", "target t", "output o", "");
            for (var i = 0; i < data.Count; i++)
            {
                var x = data.Input(i);
                var t = data.Target(i)[0];
                table.AddRow(Fmt.Short(x[0]), Fmt.Short(x[1]), Fmt.Short(t), Fmt.Short(o[i]), o[i] == t ? "ok" : "[red]wrong[/]");
            }

            console.Write(table);
        }

        return ExitCodes.Success;
    }

    /// <summary>Sign units answer −1/+1, so their targets are the 0/1 targets mapped to −1/+1.</summary>
    private static DataSet ForUnit(DataSet data, bool sign) => sign
        ? new DataSet(data.Name, data.Inputs, data.Targets.Select(t => t > 0.5f ? 1f : -1f).ToArray(), data.InputSize, 1, data.Labels, data.ClassNames)
        : data;

    /// <summary>The unit's answers: its own output for a threshold unit; for the linear unit of the delta rule, sign(o),
    /// or step(o − ½) for 0/1 targets (the midpoint of the two targets).</summary>
    private static float[] Outputs(Network network, DataSet data, bool sign)
    {
        var result = new float[data.Count];
        for (var i = 0; i < data.Count; i++)
        {
            var o = network.Predict(data.Input(i))[0];
            result[i] = network.OutputLayer.Function is Linear
                ? sign ? (o >= 0 ? 1f : -1f) : (o >= 0.5f ? 1f : 0f)
                : o;
        }

        return result;
    }
}
