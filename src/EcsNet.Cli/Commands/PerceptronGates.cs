using System.Globalization;
using EcsNet.ActivationFunctions;
using EcsNet.Data;
using EcsNet.Rules;
using EcsNet.Training;
using Spectre.Console;

namespace EcsNet.Cli.Commands;

/// <summary>
/// <c>gates --train</c>: one step unit per gate, zero initial weights, trained with the perceptron rule
/// Δwᵢ = η(t − o)xᵢ. AND, OR and NAND are linearly separable and converge; XOR is not, and the rule gives up.
/// </summary>
internal static class PerceptronGates
{
    private static readonly string[] Gates = ["and", "or", "nand", "xor"];

    public static int Run(CliContext context, float lr, int epochs)
    {
        if (!(lr > 0) || !float.IsFinite(lr) || epochs < 1)
        {
            throw new UsageException("gates --train needs --lr > 0 and --epochs ≥ 1");
        }

        var console = context.Console();
        var c = CultureInfo.InvariantCulture;
        console.WriteLine($"perceptron rule Δwᵢ = η(t − o)xᵢ on one step unit per gate, weights starting at 0, η = {lr.ToString(c)}, at most {epochs} epochs");
        foreach (var gate in Gates)
        {
            var data = LogicGates.ByName(gate);
            using var unit = new NetworkBuilder().Input(2).Dense(1, ActivationFunction.Step).Build(Initializer.Zero);
            var result = PerceptronRule.Train(unit, data, lr, epochs);
            var w = unit.Synapses().OrderBy(s => s.FromIndex).Select(s => s.Weight).ToArray();
            var b = unit.GetBias(1, 0);
            console.WriteLine();
            console.WriteLine($"{gate.ToUpperInvariant()}: {(result.Converged ? $"converged after {result.Epochs} epochs" : $"did NOT converge in {result.Epochs} epochs")}; o = step({GatesCommand.Term(b, w[0], w[1])})");
            var table = new Table().AddColumns("x1", "x2", "target t", "output o", "");
            for (var i = 0; i < data.Count; i++)
            {
                var x = data.Input(i);
                var o = unit.Predict(x)[0];
                var t = data.Target(i)[0];
                table.AddRow(x[0].ToString(c), x[1].ToString(c), t.ToString(c), o.ToString(c), o == t ? "ok" : "[red]wrong[/]");
            }

            console.Write(table);
            if (!result.Converged)
            {
                context.Out.WriteLine(result.Message);
                console.WriteLine($"errors per epoch (last 10): {string.Join(' ', result.ErrorsPerEpoch.TakeLast(10))}");
            }
        }

        return ExitCodes.Success;
    }
}
