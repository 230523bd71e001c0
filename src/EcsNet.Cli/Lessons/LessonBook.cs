using System.Globalization;
using EcsNet.ActivationFunctions;
using EcsNet.Costs;
using EcsNet.Data;
using EcsNet.Rules;
using EcsNet.Training;

namespace EcsNet.Cli.Lessons;

/// <summary>
/// The decks' worked examples, each recomputed with EcsNet networks and set beside the numbers the decks print. Deck
/// values are quoted from the slides; where a deck prints no number, the reference is the deck's own formula in double.
/// </summary>
internal static class LessonBook
{
    private static readonly float[][] GateInputs = [[0, 0], [0, 1], [1, 0], [1, 1]];

    /// <summary>Every lesson, in the order of the decks.</summary>
    public static IReadOnlyList<Lesson> All { get; } =
    [
        new("perceptron", "The perceptron rule Δwᵢ = η(t − o)xᵢ learns AND and OR with η = 0.1",
            "Utah CS 5600 lecture 3 (perceptron training rule); Garreta 2016 (perceptron rule)", "ecsnet gates --train --lr 0.1", Perceptron),
        new("gates", "Hand-set AND, OR and XNOR networks: g(−30 + 20x₁ + 20x₂) and friends",
            "Unicamp MC886 (simple example: AND, OR); CENG 506 lecture 3 (XNOR)", "ecsnet gates", HandSetGates),
        new("sigmoid-neuron", "The sigmoid-neuron weight updates, rounds 1, 2, 3 and 19",
            "CENG 506 lecture 3 (example of weight update)", "ecsnet trace --model docs/cli/ceng-sigmoid-neuron.json --input -1,-2 --target 0.43 --lr 1 --steps 19 --compact", SigmoidNeuron),
        new("mazur", "Mazur's 2-2-2 network: one step of backpropagation, and the cost after it",
            "Matt Mazur, A Step by Step Backpropagation Example (the trace's reference example)", "ecsnet trace --model docs/cli/mazur-2-2-2.json --input 0.05,0.10 --target 0.01,0.99 --lr 0.5 --frozen-biases", Mazur),
        new("utah-feedforward", "The 2×3×1 network's four feedforward equations, Z⁽²⁾ = XW⁽¹⁾ …",
            "Utah CS 5600 lecture 3 (building an ANN: feedforward)", "ecsnet trace --model docs/cli/utah-2x3x1.json --input 1,1 --target 1", UtahFeedforward),
        new("seoul-xor-cost", "The example network y = σ(−1 + 2x₁ + 2x₂) + σ(1 − 2x₁ − 2x₂) and its cost C over the four samples",
            "Seoul Lecture 8 (the feed-forward neural network; training a neural network)", "ecsnet trace --model docs/cli/seoul-constant.json --dataset xor --batch 4", SeoulXorCost),
        new("zero-init", "Zero initialisation: every hidden unit stays the same unit",
            "Unicamp MC886 (zero initialization, symmetric weights)", "ecsnet train --dataset xor --layers 2,3,1 --init zero --epochs 100", ZeroInit),
        new("dying-relu", "A dead ReLU unit gets no gradient; a leaky one does",
            "Unicamp MC886 (ReLU, \"dying ReLU problem\"; leaky ReLU)", "ecsnet trace --layers 2,1,1 --activation relu,sigmoid --input 1,1 --target 1", DyingRelu),
        new("saturation", "A saturated sigmoid output learns slowly with the quadratic cost, not with cross-entropy",
            "Unicamp MC886 (vanishing gradients); Seoul Lecture 8 (saturation)", "ecsnet trace --model docs/cli/saturated-sigmoid.json --input 1 --target 0 (then --cost cross-entropy)", Saturation),
    ];

    /// <summary>The lesson named <paramref name="id"/>, or null.</summary>
    public static Lesson? Find(string id) => All.FirstOrDefault(l => string.Equals(l.Id, id, StringComparison.OrdinalIgnoreCase));

    private static string N(double v) => ((float)v).ToString(CultureInfo.InvariantCulture);

    private static LessonResult Perceptron()
    {
        var checks = new List<LessonCheck>();
        var notes = new List<string>();
        foreach (var (gate, table) in new[] { ("and", new[] { "0", "0", "0", "1" }), ("or", new[] { "0", "1", "1", "1" }) })
        {
            var data = LogicGates.ByName(gate);
            using var unit = new NetworkBuilder().Input(2).Dense(1, ActivationFunction.Step).Build(Initializer.Zero);
            var result = PerceptronRule.Train(unit, data, 0.1f, 100);
            for (var i = 0; i < 4; i++)
            {
                checks.Add(new LessonCheck($"{gate.ToUpperInvariant()}: o({GateInputs[i][0]}, {GateInputs[i][1]})", table[i], unit.Predict(GateInputs[i])[0]));
            }

            var w = unit.Synapses().OrderBy(s => s.FromIndex).Select(s => s.Weight).ToArray();
            notes.Add($"{gate.ToUpperInvariant()}: from w = 0, in order, converged after {result.Epochs} epochs to o = step({N(unit.GetBias(1, 0))} + {N(w[0])}x₁ + {N(w[1])}x₂).");
        }

        notes.Add("The decks give the rule and η = 0.1 (\"a small constant\"), not the weights it ends with; the check is the gate's truth table.");
        return new LessonResult(checks, notes);
    }

    private static LessonResult HandSetGates()
    {
        var checks = new List<LessonCheck>();
        // Unicamp prints h_θ(x) ≈ 0 or ≈ 1 for g(−30), g(−10), g(10), g(30): agreement at 0 decimals.
        foreach (var (name, bias, table) in new[] { ("AND", -30f, new[] { "0", "0", "0", "1" }), ("OR", -10f, new[] { "0", "1", "1", "1" }) })
        {
            using var unit = new NetworkBuilder().Input(2).Dense(1, ActivationFunction.Sigmoid).Weights(1, [[20, 20]]).Biases(1, [bias]).Build();
            for (var i = 0; i < 4; i++)
            {
                checks.Add(new LessonCheck($"{name}: h_θ({GateInputs[i][0]}, {GateInputs[i][1]}) = g({N(bias + 20 * (GateInputs[i][0] + GateInputs[i][1]))})", table[i], unit.Predict(GateInputs[i])[0]));
            }
        }

        using var xnor = Commands.GatesCommand.Xnor();
        string[] xnorTable = ["1", "0", "0", "1"];
        for (var i = 0; i < 4; i++)
        {
            checks.Add(new LessonCheck($"XNOR: a^(3)({GateInputs[i][0]}, {GateInputs[i][1]})", xnorTable[i], xnor.Predict(GateInputs[i])[0]));
        }

        return new LessonResult(checks, ["XNOR = (x₁ AND x₂) OR ((NOT x₁) AND (NOT x₂)): hidden units g(−30 + 20x₁ + 20x₂) and g(10 − 20x₁ − 20x₂), output g(−10 + 20a₁ + 20a₂)."]);
    }

    private static LessonResult SigmoidNeuron()
    {
        using var unit = new NetworkBuilder().Input(2).Dense(1, ActivationFunction.Sigmoid).Weights(1, [[2f, -3f]]).Biases(1, [-3f]).Build();
        unit.Cost = CostFunction.Quadratic;
        var checks = new List<LessonCheck>();
        var a0 = unit.Predict([-1f, -2f])[0];
        checks.Add(new LessonCheck("f before training (\"the neuron gives 0.73\")", "0.73", a0));
        checks.Add(new LessonCheck("loss |f − t| (\"loss is 0.3\")", "0.3", Math.Abs(a0 - 0.43)));
        var deck = new Dictionary<int, string[]>
        {
            [1] = ["2.06", "-2.88", "-3.06", "0.66"],
            [2] = ["2.11", "-2.78", "-3.11", "0.58"],
            [3] = ["2.14", "-2.70", "-3.15", "0.53"],
            [19] = ["2.21", "-2.57", "-3.21", "0.43"],
        };
        double w0At3 = 0, w2At3 = 0;
        for (var round = 1; round <= 19; round++)
        {
            unit.LoadBatch([-1f, -2f], [0.43f], 1);
            unit.TrainStep(Optimizer.Sgd, 1f);
            if (!deck.TryGetValue(round, out var printed))
            {
                continue;
            }

            var w = unit.Synapses().OrderBy(s => s.FromIndex).Select(s => s.Weight).ToArray();
            var b = unit.GetBias(1, 0);
            var f = unit.Predict([-1f, -2f])[0];
            checks.Add(new LessonCheck($"round {round}: w₀", printed[0], w[0]));
            checks.Add(new LessonCheck($"round {round}: w₁", printed[1], w[1]));
            checks.Add(new LessonCheck($"round {round}: w₂ (the bias)", printed[2], b));
            checks.Add(new LessonCheck($"round {round}: function value", printed[3], f));
            if (round == 3)
            {
                (w0At3, w2At3) = (w[0], b);
            }
        }

        return new LessonResult(checks,
        [
            "Plain gradient descent with η = 1 on C = ½(f − t)², x = (−1, −2), t = 0.43: ∂C/∂wᵢ = (f − t)·f(1 − f)·xᵢ, the bias w₂ seeing x = 1.",
            $"The deck contradicts itself in round 3: it prints w₀ = 2.14 with w₂ = −3.15. Since x₀ = −1, every round moves w₀ up by exactly as much as it moves w₂ down, so w₀ − 2 = −3 − w₂ always; w₂ = −3.15 forces w₀ = 2.15, and the exact value is {w0At3.ToString("0.0000", CultureInfo.InvariantCulture)} (w₂ = {w2At3.ToString("0.0000", CultureInfo.InvariantCulture)}).",
        ]);
    }

    private static Network MazurNetwork() => new NetworkBuilder().Input(2)
        .Dense(2, ActivationFunction.Sigmoid).Weights(1, [[0.15f, 0.20f], [0.25f, 0.30f]]).Biases(1, [0.35f, 0.35f])
        .Dense(2, ActivationFunction.Sigmoid).Weights(2, [[0.40f, 0.45f], [0.50f, 0.55f]]).Biases(2, [0.60f, 0.60f])
        .Build();

    private static LessonResult Mazur()
    {
        float[] x = [0.05f, 0.10f], y = [0.01f, 0.99f];
        using var net = MazurNetwork();
        net.FreezeBiases();
        net.LoadBatch(x, y, 1);
        net.Forward();
        var outO1 = net.Outputs[0];
        var cost = net.Backpropagate();
        var w5Gradient = net.Synapses().Single(s => s.ToLayer == 2 && s.ToIndex == 0 && s.FromIndex == 0).Gradient;
        net.ApplyGradients(Optimizer.Sgd, 0.5f);
        var w5 = net.Synapses().Single(s => s.ToLayer == 2 && s.ToIndex == 0 && s.FromIndex == 0).Weight;
        var w1 = net.Synapses().Single(s => s.ToLayer == 1 && s.ToIndex == 0 && s.FromIndex == 0).Weight;
        net.LoadBatch(x, y, 1);
        net.Forward();
        var after = net.Cost.Sum(net.Outputs, [y[0], y[1]], 2, 1);
        const double Float = 1e-7;
        return new LessonResult(
        [
            new LessonCheck("out_o1", "0.75136507", outO1, Tolerance: Float),
            new LessonCheck("E_total", "0.298371109", cost, Tolerance: Float),
            new LessonCheck("∂E_total/∂w5", "0.082167041", w5Gradient, Tolerance: Float),
            new LessonCheck("w5⁺", "0.35891648", w5, Tolerance: Float),
            new LessonCheck("w1⁺", "0.149780716", w1, Tolerance: Float),
            new LessonCheck("E_total after the first round (biases fixed)", "0.291027924", after, Tolerance: 2e-7),
        ],
        [
            "EcsNet computes in float (about 7 significant digits) and Mazur prints 9, so agreement is checked to 1e-7.",
            "Mazur's cost after the round holds the biases fixed (--frozen-biases); updating them too gives 0.280471447. He carried rounded intermediates (w5⁺ = 0.35891648 …): the exact value is 0.291027774 in double precision, so his 0.291027924 is checked to 2e-7.",
        ]);
    }

    private static LessonResult UtahFeedforward()
    {
        // The deck prints np.random.randn(2, 3) as W⁽¹⁾'s shape; W⁽²⁾ (3×1) takes the first three numbers of its
        // printed randn(2, 2). The network has no biases: Z = XW.
        double[,] w1 = { { 0.92847923, 0.10751104, 0.64730707 }, { 0.81078793, 0.52196304, 0.59270607 } };
        double[] w2 = [0.35120796, 0.19578908, -0.20131598];
        double[] x = [1, 1];
        using var net = new NetworkBuilder().Input(2)
            .Dense(3, ActivationFunction.Sigmoid, bias: false).Weights(1, [.. Enumerable.Range(0, 3).Select(j => new[] { (float)w1[0, j], (float)w1[1, j] })])
            .Dense(1, ActivationFunction.Sigmoid, bias: false).Weights(2, [[(float)w2[0], (float)w2[1], (float)w2[2]]])
            .Build();
        var yHat = net.Predict([1f, 1f])[0];
        static double S(double z) => 1 / (1 + Math.Exp(-z));
        var checks = new List<LessonCheck>();
        var a2 = new double[3];
        for (var j = 0; j < 3; j++)
        {
            var z2 = x[0] * w1[0, j] + x[1] * w1[1, j];
            a2[j] = S(z2);
            checks.Add(new LessonCheck($"Z⁽²⁾_{j + 1} = (XW⁽¹⁾)_{j + 1}", null, net.Value(NeuronValue.NetInput, 1, j), z2));
            checks.Add(new LessonCheck($"a⁽²⁾_{j + 1} = f(Z⁽²⁾_{j + 1})", null, net.Value(NeuronValue.Activation, 1, j), a2[j]));
        }

        var z3 = a2[0] * w2[0] + a2[1] * w2[1] + a2[2] * w2[2];
        checks.Add(new LessonCheck("Z⁽³⁾ = a⁽²⁾W⁽²⁾", null, net.Value(NeuronValue.NetInput, 2, 0), z3));
        checks.Add(new LessonCheck("Ŷ = f(Z⁽³⁾)", null, yHat, S(z3)));
        var fprime = ActivationFunction.Sigmoid is ElementwiseActivationFunction e ? e.Derivative((float)z3, yHat) : double.NaN;
        checks.Add(new LessonCheck("σ′(Z⁽³⁾) = Ŷ(1 − Ŷ)", null, fprime, S(z3) * (1 - S(z3))));
        var code = Math.Exp(-yHat) / Math.Pow(1 + Math.Exp(-yHat), 2);
        return new LessonResult(checks,
        [
            "No published outputs: the reference is the deck's four equations evaluated in double, with X = (1, 1) and the deck's printed randn arrays as weights.",
            $"The deck's code contradicts its formula: sigmoid(yHat, deriv=True) returns exp(−x)/(1 + exp(−x))², the derivative σ′ evaluated at its argument, but it is called with the activation Ŷ, not with Z⁽³⁾. Here σ′(Z⁽³⁾) = Ŷ(1 − Ŷ) = {N(S(z3) * (1 - S(z3)))}, while the code computes σ′(Ŷ) = {N(code)}. The commented-out x * (1 − x) is the right formula for an activation.",
        ]);
    }

    private static LessonResult SeoulXorCost()
    {
        // y = σ(−1 + 2x₁ + 2x₂) + σ(1 − 2x₁ − 2x₂): two sigmoid hidden units summed by a linear output.
        using var sum = new NetworkBuilder().Input(2)
            .Dense(2, ActivationFunction.Sigmoid).Weights(1, [[2, 2], [-2, -2]]).Biases(1, [-1, 1])
            .Dense(1, ActivationFunction.Linear).Weights(2, [[1, 1]]).Biases(2, [0])
            .Build();
        // The slide's second form: y = σ(0 + 1·h₁ + 1·h₂).
        using var squashed = new NetworkBuilder().Input(2)
            .Dense(2, ActivationFunction.Sigmoid).Weights(1, [[2, 2], [-2, -2]]).Biases(1, [-1, 1])
            .Dense(1, ActivationFunction.Sigmoid).Weights(2, [[1, 1]]).Biases(2, [0])
            .Build();
        var checks = new List<LessonCheck>();
        float[] xor = [0, 1, 1, 0], xnor = [1, 0, 0, 1];
        double costXor = 0, costXnor = 0;
        for (var i = 0; i < 4; i++)
        {
            var y = sum.Predict(GateInputs[i])[0];
            checks.Add(new LessonCheck($"y({GateInputs[i][0]}, {GateInputs[i][1]}) = σ(a) + σ(−a)", null, y, 1.0));
            costXor += (xor[i] - y) * (xor[i] - y);
            var s = squashed.Predict(GateInputs[i])[0];
            costXnor += (xnor[i] - s) * (xnor[i] - s);
        }

        var s1 = 1 / (1 + Math.Exp(-1));
        checks.Add(new LessonCheck("C = Σᵢ |yᵢ − y(xᵢ)|² over the XOR samples", null, costXor, 2.0));
        checks.Add(new LessonCheck("σ(0 + h₁ + h₂) = σ(1) for every input", null, squashed.Predict(GateInputs[0])[0], s1));
        checks.Add(new LessonCheck("C over the XNOR samples with y = σ(h₁ + h₂)", null, costXnor, 2 * (1 - s1) * (1 - s1) + 2 * s1 * s1));
        return new LessonResult(checks,
        [
            "The deck's example network is constant: σ(−a) = 1 − σ(a), so σ(−1 + 2x₁ + 2x₂) + σ(1 − 2x₁ − 2x₂) = 1 for every input, and the squashed form is σ(1) ≈ 0.731 everywhere. It cannot be the XNOR network the next slide trains; its cost is the cost of a constant guess.",
            "No number is printed for C; the reference is the deck's C = Σᵢ |y_true − y(xᵢ)|² evaluated on the constant output.",
        ]);
    }

    private static LessonResult ZeroInit()
    {
        var xor = LogicGates.Xor();
        double Spread(Initializer init)
        {
            using var net = NetworkBuilder.FullyConnected([2, 3, 1], ActivationFunction.Sigmoid, init, seed: 1);
            net.LoadBatch(xor.Inputs, xor.Targets, 4);
            for (var step = 0; step < 100; step++)
            {
                net.TrainStep(Optimizer.Sgd, 3f);
            }

            // The largest difference between two hidden units' incoming weights (their "parameters").
            var rows = net.Synapses().Where(s => s.ToLayer == 1).GroupBy(s => s.ToIndex).Select(g => g.OrderBy(s => s.FromIndex).Select(s => s.Weight).ToArray()).ToArray();
            return rows.SelectMany(a => rows.SelectMany(b => a.Zip(b, (u, v) => (double)Math.Abs(u - v)))).Max();
        }

        var zero = Spread(Initializer.Zero);
        var random = Spread(Initializer.Uniform(0.12));
        return new LessonResult(
            [new LessonCheck("max |Θ_1k − Θ_jk| between hidden units after 100 updates, zero init", null, zero, 0.0)],
            [
                "\"After each update, parameters corresponding to inputs going into each of two hidden units are identical.\" The check is that statement as a number: 0.",
                $"With Θ drawn from [−ε, ε], ε = 0.12 (--init uniform:0.12), the same 100 updates leave the hidden units {N(random)} apart: symmetry broken.",
            ]);
    }

    private static LessonResult DyingRelu()
    {
        double Gradient(string activation, out double a)
        {
            // One hidden unit with a large negative bias: z < 0 for every input in [0, 1]².
            using var net = new NetworkBuilder().Input(2)
                .Dense(1, ActivationFunction.ByName(activation)).Weights(1, [[0.5f, 0.5f]]).Biases(1, [-10f])
                .Dense(1, ActivationFunction.Sigmoid).Weights(2, [[1f]]).Biases(2, [0f])
                .Build();
            var xor = LogicGates.Xor();
            net.LoadBatch(xor.Inputs, xor.Targets, 4);
            net.Forward();
            a = Enumerable.Range(0, 4).Max(b => Math.Abs(net.Value(NeuronValue.Activation, 1, 0, b)));
            net.Backpropagate();
            return net.Synapses().Where(s => s.ToLayer == 1).Max(s => Math.Abs(s.Gradient));
        }

        var dead = Gradient("relu", out var deadOutput);
        var leaky = Gradient("leaky-relu:0.1", out _);
        return new LessonResult(
        [
            new LessonCheck("ReLU unit's output on the four inputs", null, deadOutput, 0.0),
            new LessonCheck("|∂C/∂w| into the dead ReLU unit", null, dead, 0.0),
        ],
        [
            "\"Several neurons can just die and not respond\": with z = −10 + 0.5x₁ + 0.5x₂ < 0 everywhere, f′(z) = 0 and no update can revive the unit.",
            $"A leaky ReLU with slope 0.1 (CENG's; --activation leaky-relu:0.1) still passes |∂C/∂w| up to {N(leaky)}.",
        ]);
    }

    private static LessonResult Saturation()
    {
        double Delta(ICost cost)
        {
            using var net = new NetworkBuilder().Input(1).Dense(1, ActivationFunction.Sigmoid).Weights(1, [[10f]]).Biases(1, [0f]).Build();
            net.Cost = cost;
            net.LoadBatch([1f], [0f], 1);
            net.Forward();
            net.Backpropagate();
            return net.Value(NeuronValue.Delta, 1, 0);
        }

        var a = 1 / (1 + Math.Exp(-10.0));
        return new LessonResult(
        [
            new LessonCheck("σ′(0), the largest slope", null, ((ElementwiseActivationFunction)ActivationFunction.Sigmoid).Derivative(0f, 0.5f), 0.25),
            new LessonCheck("δ = (a − y)σ′(z) at z = 10, y = 0 (quadratic)", null, Delta(CostFunction.Quadratic), a * a * (1 - a)),
            new LessonCheck("δ = a − y at z = 10, y = 0 (cross-entropy)", null, Delta(CostFunction.CrossEntropy), a),
        ],
        [
            "A sigmoid unit at z = 10 is saturated: σ′(10) ≈ 4.5e-5, so with the quadratic cost the wrong answer a ≈ 1 for y = 0 moves the weights about 22,000 times less than with cross-entropy, where σ′ cancels.",
        ]);
    }
}
