using System.CommandLine;
using System.Globalization;
using EcsNet.Cli.Options;
using EcsNet.Cli.Output;
using EcsNet.Components;
using EcsNet.Costs;
using EcsNet.Training;
using Spectre.Console;

namespace EcsNet.Cli.Commands;

/// <summary>
/// <c>ecsnet trace</c>, the teaching view: one forward pass, one backward pass and one gradient-descent update on a
/// single sample, with every z, a, δ, weight, gradient and new weight in the lectures' notation.
/// </summary>
internal static class TraceCommand
{
    public static Command Create(CliContext context)
    {
        var command = HelpText.Command("trace", """
            The teaching view: one forward pass, backward pass and update, number by number.

            One forward pass, one backward pass and one update (plain SGD, m = 1) on a single sample, printed layer by
            layer in the lectures' notation: z_j^l, a_j^l, δ_j^l and b_j^l for every neuron; w_jk^l (from neuron k of
            layer l−1 to neuron j of layer l), ∂C/∂w_jk^l and the new weight for every synapse; the cost before and after.

            Example (Matt Mazur's 2-2-2 network, docs/cli/mazur-2-2-2.json):
              ecsnet trace --model docs/cli/mazur-2-2-2.json --input 0.05,0.10 --target 0.01,0.99 --lr 0.5
            """);
        var model = Opt.Model(required: true);
        var input = new Option<string>("--input", "-x") { Description = "The input x₁,x₂,…", Required = true };
        var target = new Option<string>("--target", "-y") { Description = "The target y₁,y₂,…", Required = true };
        var lr = Opt.LearningRate("0.5");
        var cost = Opt.Cost("the model's, else quadratic");
        var json = Opt.Json();
        foreach (var option in new Option[] { model, input, target, lr, cost, json })
        {
            command.Add(option);
        }

        command.SetAction(p => Run(context, p.GetValue(model)!, p.GetValue(input)!, p.GetValue(target)!, p.GetValue(lr) ?? 0.5f,
            p.GetValue(cost), p.GetValue(json)));
        return command;
    }

    private static int Run(CliContext context, string modelPath, string inputText, string targetText, float lr, string? costName, bool json)
    {
        if (!(lr > 0) || !float.IsFinite(lr))
        {
            throw new UsageException($"--lr must be a finite number > 0 (got {lr.ToString(CultureInfo.InvariantCulture)})");
        }

        using var model = Models.Load(modelPath);
        var network = model.Network;
        var x = Parse.Numbers(inputText, "--input");
        var y = Parse.Numbers(targetText, "--target");
        if (x.Length != network.InputSize || y.Length != network.OutputSize)
        {
            throw new UsageException(
                $"shape mismatch: model {modelPath} takes {network.InputSize} inputs and gives {network.OutputSize} outputs; got --input with {x.Length} and --target with {y.Length} values");
        }

        if (costName is not null)
        {
            network.Cost = CostFunction.ByName(costName, network.OutputLayer.Function);
        }

        var trace = Compute(network, x, y, lr);
        if (json)
        {
            context.Out.WriteLine(JsonLines.Indented(trace));
        }
        else
        {
            Print(context, network, trace, x, y, lr, modelPath);
        }

        return ExitCodes.Success;
    }

    /// <summary>The trace's numbers, shaped as the <c>--json</c> document.</summary>
    internal static TraceResult Compute(Network network, float[] x, float[] y, float lr)
    {
        network.DiscardGradients();
        network.LoadBatch(x, y, 1);
        network.Forward();
        var cost = network.Backpropagate();
        var neurons = new List<TraceNeuron>();
        for (var l = 0; l < network.Layers.Count; l++)
        {
            for (var j = 0; j < network.Layers[l].Size; j++)
            {
                var a = network.Value(NeuronValue.Activation, l, j);
                neurons.Add(l == 0
                    ? new TraceNeuron(l, j, null, a, null, null, null, null)
                    : new TraceNeuron(l, j, network.Value(NeuronValue.NetInput, l, j), a, network.Value(NeuronValue.Delta, l, j),
                        network.GetBias(l, j), network.World.Get<BiasGradient>(network.NeuronEntity(l, j)).Value, null));
            }
        }

        var before = network.Synapses().OrderBy(s => s.ToLayer).ThenBy(s => s.ToIndex).ThenBy(s => s.FromLayer).ThenBy(s => s.FromIndex).ToList();
        network.ApplyGradients(Optimizer.Sgd, lr);
        var after = network.Synapses().ToDictionary(s => s.Entity, s => s.Weight);
        var synapses = before.Select(s => new TraceSynapse([s.FromLayer, s.FromIndex], [s.ToLayer, s.ToIndex], s.Weight, s.Gradient, after[s.Entity])).ToList();
        neurons = neurons.Select(n => n.Layer == 0 ? n : n with { BiasNew = network.GetBias(n.Layer, n.Index) }).ToList();

        network.LoadBatch(x, y, 1);
        network.Forward();
        var costAfter = network.Cost.Sum(network.Outputs, y, network.OutputSize, 1);
        return new TraceResult(cost, costAfter, lr, network.Cost.Name, neurons, synapses);
    }

    private static void Print(CliContext context, Network network, TraceResult t, float[] x, float[] y, float lr, string modelPath)
    {
        var console = context.Console();
        var c = CultureInfo.InvariantCulture;
        string F(float? v) => v is { } f ? ((double)f).ToString("0.000000000", c) : "";
        console.WriteLine($"trace of {modelPath}: {NetworkFactory.Describe(network)}, {network.Cost.Name} cost, plain gradient descent, η = {lr.ToString(c)}");
        console.WriteLine($"x = ({string.Join(", ", x.Select(v => v.ToString(c)))})   y = ({string.Join(", ", y.Select(v => v.ToString(c)))})");
        console.WriteLine();
        console.WriteLine("forward:  z_j^l = Σ_k w_jk^l a_k^(l-1) + b_j^l,  a_j^l = f(z_j^l)");
        console.WriteLine("backward: δ_j^L = ∂C/∂a_j^L · f'(z_j^L),  δ_j^l = f'(z_j^l) Σ_k w_kj^(l+1) δ_k^(l+1),  ∂C/∂b_j^l = δ_j^l");
        var neurons = new Table().Title("neurons").AddColumns("l", "j", "z_j^l", "a_j^l", "δ_j^l", "b_j^l", "∂C/∂b_j^l", "new b_j^l");
        foreach (var n in t.Neurons)
        {
            neurons.AddRow(n.Layer.ToString(c), n.Index.ToString(c), F(n.Z), F(n.A), F(n.Delta), F(n.Bias), F(n.BiasGradient), F(n.BiasNew));
        }

        console.Write(neurons);
        console.WriteLine("update:   ∂C/∂w_jk^l = a_k^(l-1) δ_j^l,  w_jk^l ← w_jk^l − η ∂C/∂w_jk^l");
        var synapses = new Table().Title("synapses").AddColumns("w_jk^l", "from (l-1, k)", "to (l, j)", "w_jk^l", "∂C/∂w_jk^l", "new w_jk^l");
        foreach (var s in t.Synapses)
        {
            var name = s.From[0] == s.To[0] - 1 ? $"w_{s.To[1]}{s.From[1]}^{s.To[0]}" : $"w_({s.To[0]},{s.To[1]})({s.From[0]},{s.From[1]})";
            synapses.AddRow(name, $"({s.From[0]}, {s.From[1]})", $"({s.To[0]}, {s.To[1]})", F(s.Weight), F(s.Gradient), F(s.WeightNew));
        }

        console.Write(synapses);
        console.WriteLine($"cost before the update C = {t.Cost.ToString("0.000000000", c)}");
        console.WriteLine($"cost after the update  C = {t.CostAfter.ToString("0.000000000", c)}");
    }
}

/// <summary>The <c>trace --json</c> document.</summary>
internal sealed record TraceResult(double Cost, double CostAfter, float LearningRate, string CostFunction, IReadOnlyList<TraceNeuron> Neurons, IReadOnlyList<TraceSynapse> Synapses);

/// <summary>One neuron: z, a, δ, b, ∂C/∂b and the updated b (null for input neurons).</summary>
internal sealed record TraceNeuron(int Layer, int Index, float? Z, float A, float? Delta, float? Bias, float? BiasGradient, float? BiasNew);

/// <summary>One synapse k → j: from [l−1, k], to [l, j], w, ∂C/∂w and the updated w.</summary>
internal sealed record TraceSynapse(int[] From, int[] To, float Weight, float Gradient, float WeightNew);
