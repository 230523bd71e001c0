using EcsNet.Cli.Output;
using EcsNet.Training;
using Spectre.Console;

namespace EcsNet.Cli.Commands;

/// <summary>The text view of <c>trace</c>: tables per round, or one line per round in compact mode.</summary>
internal sealed class TracePrinter(CliContext context, Network network, TraceSetup setup, bool compact)
{
    private readonly IAnsiConsole _console = context.Console();
    private readonly int _n0 = network.InputSize;
    private readonly int _nL = network.OutputSize;

    // Plain lines go straight to the writer: the console would wrap them at its width.
    private void Line(string text = "") => context.Out.WriteLine(text);

    private static string F(float? v) => v is { } f ? Fmt.Short(f) : "";

    /// <summary>w_jk^l for adjacent layers, w_(l,j)(l′,k) for a skip connection.</summary>
    private static string WeightName(TraceSynapse s)
        => s.From[0] == s.To[0] - 1 ? $"w_{s.To[1]}{s.From[1]}^{s.To[0]}" : $"w_({s.To[0]},{s.To[1]})({s.From[0]},{s.From[1]})";

    public void Start()
    {
        var s = setup;
        var rule = s.BatchSize == 1 ? "plain gradient descent" : s.BatchGradient == BatchGradient.Sum ? "batch gradient descent, D = Δ (sum)" : "batch gradient descent, D = Δ/m (mean)";
        Line($"trace of {s.Source}: {s.Network}, {s.CostFunction} cost, {rule}, η = {Fmt.Short(s.LearningRate)}, m = {s.BatchSize}" +
            (s.FrozenBiases ? ", biases frozen" : "") + (s.Steps > 1 ? $", {s.Steps} rounds" : ""));
        for (var b = 0; b < s.BatchSize; b++)
        {
            var label = s.BatchSize == 1 ? "" : $"x^({b + 1}): ";
            Line($"{label}x = {Fmt.Vector(Row(s.RawInputs, b, _n0))}   y = {Fmt.Vector(Row(s.Targets, b, _nL))}");
            if (s.Normalized)
            {
                Line($"{new string(' ', label.Length)}x̂ = {Fmt.Vector(Row(s.Inputs, b, _n0))} (x normalised with the model's input normalisation, as predict does)");
            }
        }

        Line($"sign convention: {TraceCommand.SignConvention}");
        if (compact)
        {
            return;
        }

        Line();
        Line("forward:  z_j^l = Σ_k w_jk^l a_k^(l-1) + b_j^l,  a_j^l = f(z_j^l)");
        Line("backward: δ_j^L = ∂C/∂a_j^L · f'(z_j^L),  δ_j^l = f'(z_j^l) Σ_k w_kj^(l+1) δ_k^(l+1),  ∂C/∂b_j^l = δ_j^l,  ∂C/∂x_k = Σ_j w_jk^1 δ_j^1");
    }

    public void Round(TraceRound r)
    {
        if (compact)
        {
            if (r.Step == 1)
            {
                CompactHeader(r);
                CompactLine(0, r.Synapses.Select(s => s.Weight), r.Neurons.Where(n => n.Bias is not null).Select(n => n.Bias!.Value),
                    r.Neurons.Where(n => n.Layer == network.Layers.Count - 1).Select(n => n.A), r.Cost);
            }

            CompactLine(r.Step, r.Synapses.Select(s => s.WeightNew), r.Neurons.Where(n => n.BiasNew is not null).Select(n => n.BiasNew!.Value),
                r.OutputAfter[0], r.CostAfter);
            return;
        }

        if (setup.Steps > 1)
        {
            Line();
            Line($"round {r.Step}");
        }

        var m = r.BatchSize;
        for (var b = 0; b < m; b++)
        {
            var title = m == 1 ? "neurons" : $"neurons, sample x^({b + 1})";
            var table = new Table().Title(title).AddColumns("l", "j", "z_j^l", "a_j^l", "∂C/∂a_j^L", "f'(z_j^l)", "Σ_k w_kj δ_k", "δ_j^l");
            if (m == 1)
            {
                table.AddColumns("b_j^l", "new b_j^l");
            }

            foreach (var n in r.Neurons)
            {
                var v = n.Samples[b];
                var cells = new List<string> { n.Layer.ToString(), n.Index.ToString(), F(v.Z), F(v.A), F(v.DcDa), F(v.FPrime), F(v.BackpropSum), F(v.Delta) };
                if (m == 1)
                {
                    cells.AddRange([BiasText(n), F(n.BiasNew)]);
                }

                table.AddRow(cells.ToArray());
            }

            _console.Write(table);
        }

        if (m > 1)
        {
            var biases = new Table().Title("biases: accumulators Δ = Σ_x δ and the gradient D").AddColumns("l", "j", "b_j^l", "Δ_j^l", D(), "new b_j^l");
            foreach (var n in r.Neurons.Where(n => n.Bias is not null))
            {
                biases.AddRow(n.Layer.ToString(), n.Index.ToString(), BiasText(n), F(n.BiasDeltaSum), F(n.BiasGradient), F(n.BiasNew));
            }

            _console.Write(biases);
        }

        Line(m == 1
            ? "update:   ∂C/∂w_jk^l = a_k^(l-1) δ_j^l,  w_jk^l ← w_jk^l − η ∂C/∂w_jk^l"
            : $"update:   Δ_jk^l = Σ_x a_k^(l-1) δ_j^l,  {D()},  w_jk^l ← w_jk^l − η D_jk^l");
        var synapses = new Table().Title("synapses").AddColumns("w_jk^l", "from (l-1, k)", "to (l, j)", "w_jk^l");
        if (m == 1)
        {
            synapses.AddColumns("∂C/∂w_jk^l", "new w_jk^l");
        }
        else
        {
            synapses.AddColumns("Δ_jk^l", "D_jk^l", "new w_jk^l");
        }

        foreach (var s in r.Synapses)
        {
            var cells = new List<string> { WeightName(s), $"({s.From[0]}, {s.From[1]})", $"({s.To[0]}, {s.To[1]})", F(s.Weight) };
            cells.AddRange(m == 1 ? [F(s.Gradient), F(s.WeightNew)] : [F(s.DeltaSum), F(s.Gradient), F(s.WeightNew)]);
            synapses.AddRow(cells.ToArray());
        }

        _console.Write(synapses);
        for (var b = 0; b < m; b++)
        {
            var label = m == 1 ? "" : $" of x^({b + 1})";
            Line($"input gradients{label}: ∂C/∂x = {Fmt.Vector(r.InputGradients[b])}");
        }

        var mean = m == 1 ? "" : " (mean over the batch)";
        Line($"cost before the update C = {Fmt.Short(r.Cost)}{mean}");
        Line($"cost after the update  C = {Fmt.Short(r.CostAfter)}{mean}");
        for (var b = 0; b < m; b++)
        {
            Line($"output after the update a^L{(m == 1 ? "" : $"(x^({b + 1}))")} = {Fmt.Vector(r.OutputAfter[b])}");
        }
    }

    public void End(TraceRound last)
    {
        if (compact)
        {
            Line($"after round {last.Step}: a^L = {Fmt.Vector(last.OutputAfter[0])}, C = {Fmt.Short(last.CostAfter)}");
        }
    }

    private string D() => setup.BatchGradient == BatchGradient.Sum ? "D = Δ" : "D = Δ/m";

    private static string BiasText(TraceNeuron n) => n.Bias is null ? "" : n.Frozen ? F(n.Bias) + " (frozen)" : F(n.Bias);

    private void CompactHeader(TraceRound r)
    {
        var names = r.Synapses.Select(WeightName)
            .Concat(r.Neurons.Where(n => n.Bias is not null).Select(n => $"b_{n.Index}^{n.Layer}"))
            .Concat(Enumerable.Range(0, _nL).Select(j => $"a_{j}^L"))
            .Append("C");
        Line();
        Line("round  " + string.Join("  ", names));
    }

    private void CompactLine(int round, IEnumerable<float> weights, IEnumerable<float> biases, IEnumerable<float> outputs, double cost)
        => Line($"{round,5}  " + string.Join("  ", weights.Concat(biases).Concat(outputs).Select(Fmt.Short).Append(Fmt.Short(cost))));

    private static float[] Row(float[] values, int b, int width) => values.AsSpan(b * width, width).ToArray();
}
