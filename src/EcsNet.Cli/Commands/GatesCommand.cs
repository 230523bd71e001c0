using System.CommandLine;
using System.Globalization;
using EcsNet.ActivationFunctions;
using Spectre.Console;

namespace EcsNet.Cli.Commands;

/// <summary>
/// <c>ecsnet gates</c>: the CENG 506 deck's hand-set logic units, g(−30 + 20x₁ + 20x₂) and friends, built as ECS
/// networks and evaluated on the four inputs; <c>--train</c> learns them with the perceptron rule instead.
/// </summary>
internal static class GatesCommand
{
    private static readonly (float X1, float X2)[] Inputs = [(0, 0), (0, 1), (1, 0), (1, 1)];

    /// <summary>(name, bias, w₁, w₂) of the deck's single sigmoid units.</summary>
    internal static readonly (string Name, float Bias, float W1, float W2)[] Units =
    [
        ("AND", -30, 20, 20),
        ("OR", -10, 20, 20),
        ("(NOT x1) AND (NOT x2)", 10, -20, -20),
        ("NAND", 30, -20, -20),
    ];

    public static Command Create(CliContext context)
    {
        var command = HelpText.Command("gates", """
            The decks' hand-set AND, OR, NAND and XNOR networks, or (--train) the perceptron rule.

            The lectures' logic units with hand-set weights (CENG 506, after Andrew Ng): AND = g(−30 + 20x₁ + 20x₂),
            OR = g(−10 + 20x₁ + 20x₂), (NOT x₁) AND (NOT x₂) = g(10 − 20x₁ − 20x₂), NAND = g(30 − 20x₁ − 20x₂), and
            XNOR = OR(AND, NOR) as a 2-2-1 network; each printed with its weights and truth table.
            With --train, a single unit learns AND, OR and NAND with the perceptron rule Δwᵢ = η(t − o)xᵢ (Utah,
            Garreta) on a step or sign unit, or with the delta rule on the linear unit read through the threshold, and
            fails on XOR, which is not linearly separable. With --frozen-biases the bias stays at its start, 0, and
            only the weights learn: each line passes through the origin, so the perceptron still learns OR but no
            longer AND or NAND.

            Examples:
              ecsnet gates
              ecsnet gates --train --lr 0.1
              ecsnet gates --train --rule delta --unit sign --lr 0.05 --mode batch
              ecsnet gates --train --frozen-biases
            """);
        var train = new Option<bool>("--train") { Description = "Learn the gates with the perceptron rule instead of setting the weights" };
        var lr = new Option<float>("--lr") { Description = "Perceptron learning rate η", DefaultValueFactory = _ => 0.1f };
        var epochs = new Option<int>("--epochs") { Description = "Epoch limit of the perceptron rule", DefaultValueFactory = _ => 100 };
        var rule = new Option<string?>("--rule") { Description = "With --train: perceptron (default) | delta" };
        var unit = new Option<string?>("--unit") { Description = "With --train: step (outputs 0/1, default) | sign (outputs −1/+1)" };
        var mode = new Option<string?>("--mode") { Description = "With --rule delta: incremental (default) | batch (Utah's GRADIENT-DESCENT)" };
        var frozen = Options.Opt.FrozenBiases();
        var json = Options.Opt.Json();
        foreach (var option in new Option[] { train, lr, epochs, rule, unit, mode, frozen, json })
        {
            command.Add(option);
        }

        command.SetAction(p =>
        {
            if (!p.GetValue(train) && (p.GetValue(rule) is not null || p.GetValue(unit) is not null || p.GetValue(mode) is not null || p.GetValue(frozen)))
            {
                throw new UsageException("--rule, --unit, --mode and --frozen-biases go with --train");
            }

            return p.GetValue(train)
                ? SingleUnitGates.Run(context, p.GetValue(rule) ?? "perceptron", p.GetValue(unit) ?? "step", p.GetValue(mode), p.GetValue(lr), p.GetValue(epochs), p.GetValue(frozen), p.GetValue(json))
                : HandSet(context, p.GetValue(json));
        });
        return command;
    }

    private static int HandSet(CliContext context, bool json)
    {
        if (json)
        {
            HandSetJson(new Output.JsonLines(context.Out));
            return ExitCodes.Success;
        }

        var console = context.Console();
        var c = CultureInfo.InvariantCulture;
        foreach (var (name, bias, w1, w2) in Units)
        {
            using var unit = new NetworkBuilder().Input(2).Dense(1, ActivationFunction.Sigmoid)
                .Weights(1, [[w1, w2]]).Biases(1, [bias]).Build();
            console.WriteLine($"{name}: a = g({Term(bias, w1, w2)})");
            var table = new Table().AddColumns("x1", "x2", "z", "a = g(z)", "output");
            foreach (var (x1, x2) in Inputs)
            {
                var a = unit.Predict([x1, x2])[0];
                var z = unit.Value(NeuronValue.NetInput, 1, 0);
                table.AddRow(x1.ToString(c), x2.ToString(c), z.ToString(c), a.ToString("0.00000", c), a > 0.5f ? "1" : "0");
            }

            console.Write(table);
        }

        using var xnor = Xnor();
        console.WriteLine("XNOR = (x1 AND x2) OR ((NOT x1) AND (NOT x2)), a 2-2-1 network:");
        console.WriteLine("  a1 = g(-30 + 20x1 + 20x2), a2 = g(10 - 20x1 - 20x2), f = g(-10 + 20a1 + 20a2)");
        var xt = new Table().AddColumns("x1", "x2", "a1 (AND)", "a2 (NOR)", "f = a (OR)", "output");
        foreach (var (x1, x2) in Inputs)
        {
            var f = xnor.Predict([x1, x2])[0];
            var a1 = xnor.Value(NeuronValue.Activation, 1, 0);
            var a2 = xnor.Value(NeuronValue.Activation, 1, 1);
            xt.AddRow(x1.ToString(c), x2.ToString(c), a1.ToString("0.00000", c), a2.ToString("0.00000", c), f.ToString("0.00000", c), f > 0.5f ? "1" : "0");
        }

        console.Write(xt);
        return ExitCodes.Success;
    }

    /// <summary>One line per gate: the weights, and for each input z, a and the output read at 0.5.</summary>
    private static void HandSetJson(Output.JsonLines lines)
    {
        foreach (var (name, bias, w1, w2) in Units)
        {
            using var unit = new NetworkBuilder().Input(2).Dense(1, ActivationFunction.Sigmoid).Weights(1, [[w1, w2]]).Biases(1, [bias]).Build();
            lines.Write(new
            {
                type = "gate",
                gate = name,
                weights = new[] { w1, w2 },
                bias,
                rows = Inputs.Select(x =>
                {
                    var a = unit.Predict([x.X1, x.X2])[0];
                    return new { x = new[] { x.X1, x.X2 }, z = unit.Value(NeuronValue.NetInput, 1, 0), a, output = a > 0.5f ? 1 : 0 };
                }).ToArray(),
            });
        }

        using var xnor = Xnor();
        lines.Write(new
        {
            type = "gate",
            gate = "XNOR",
            rows = Inputs.Select(x =>
            {
                var f = xnor.Predict([x.X1, x.X2])[0];
                return new { x = new[] { x.X1, x.X2 }, hidden = new[] { xnor.Value(NeuronValue.Activation, 1, 0), xnor.Value(NeuronValue.Activation, 1, 1) }, a = f, output = f > 0.5f ? 1 : 0 };
            }).ToArray(),
        });
    }

    /// <summary>XNOR: hidden a₁ = x₁ AND x₂, a₂ = (NOT x₁) AND (NOT x₂); output a₁ OR a₂.</summary>
    internal static Network Xnor() => new NetworkBuilder().Input(2)
        .Dense(2, ActivationFunction.Sigmoid).Weights(1, [[20, 20], [-20, -20]]).Biases(1, [-30, 10])
        .Dense(1, ActivationFunction.Sigmoid).Weights(2, [[20, 20]]).Biases(2, [-10])
        .Build();

    /// <summary>"-30 + 20x1 + 20x2".</summary>
    internal static string Term(float bias, float w1, float w2)
    {
        var c = CultureInfo.InvariantCulture;
        // Six decimals: the perceptron's 0.1 steps accumulate float noise (0.20000002) that says nothing.
        string N(float v) => Math.Round(v, 6).ToString(c);
        string Signed(float w, string x) => w < 0 ? $" - {N(-w)}{x}" : $" + {N(w)}{x}";
        return N(bias) + Signed(w1, "x1") + Signed(w2, "x2");
    }
}
