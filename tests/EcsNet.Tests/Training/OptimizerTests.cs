using EcsNet.Components;
using EcsNet.Data;
using EcsNet.Training;

namespace EcsNet.Tests.Training;

/// <summary>
/// Each optimiser of the Unicamp deck against its update rule evaluated here, in double, from the gradient the network
/// accumulated (g = ∂C/∂θ summed over the batch, divided by m). Three steps, so velocities and moments carry over.
/// </summary>
public sealed class OptimizerTests
{
    private const float Eta = 0.1f;
    private const int Steps = 3;

    public static TheoryData<string> Rules => ["sgd", "momentum", "nesterov", "adagrad", "rmsprop", "adam", "adadelta", "adamax", "nadam"];

    [Theory]
    [MemberData(nameof(Rules))]
    public void UpdateMatchesTheRule(string rule)
    {
        var optimizer = rule switch
        {
            "momentum" => Optimizer.WithMomentum(0.9f),
            "nesterov" => Optimizer.Nesterov(0.9f),
            _ => Optimizer.Parse(rule),
        };
        var xor = LogicGates.Xor();
        using var net = TestNetworks.Xor231(seed: 4);
        net.LoadBatch(xor.Inputs, xor.Targets, 4);
        var state = new Dictionary<string, (double M, double V)>();

        for (var t = 1; t <= Steps; t++)
        {
            net.Forward();
            net.Backpropagate();
            var before = Parameters(net);
            net.ApplyGradients(optimizer, Eta);
            var after = Parameters(net);

            foreach (var (key, (theta, sum)) in before)
            {
                var g = sum / 4.0;
                state.TryGetValue(key, out var s);
                var expected = Step(optimizer, theta, g, ref s, t);
                state[key] = s;
                var actual = after[key].Value;
                Assert.True(Math.Abs(actual - expected) <= 1e-6 * Math.Max(1.0, Math.Abs(expected)),
                    $"{rule}, step {t}, {key}: {actual:R}, by hand {expected:R} (θ = {theta}, g = {g})");
                Assert.Equal(0.0, after[key].Gradient); // gradients are cleared after the update
            }
        }
    }

    [Fact]
    public void L2AddsLambdaWAndL1AddsLambdaSignWToWeightGradientsButNotToBiases()
    {
        const float l1 = 0.03f, l2 = 0.05f;
        var xor = LogicGates.Xor();
        foreach (var (penaltyL1, penaltyL2) in new[] { (l1, 0f), (0f, l2), (l1, l2) })
        {
            using var net = TestNetworks.Xor231(seed: 6);
            net.LoadBatch(xor.Inputs, xor.Targets, 4);
            net.Forward();
            net.Backpropagate();
            var before = Parameters(net);
            net.ApplyGradients(Optimizer.Sgd, Eta, penaltyL1, penaltyL2);
            var after = Parameters(net);

            foreach (var (key, (theta, sum)) in before)
            {
                var g = sum / 4.0;
                if (key.StartsWith('w'))
                {
                    g += penaltyL2 * theta + penaltyL1 * Math.Sign(theta);
                }

                var expected = theta - Eta * g;
                Assert.True(Math.Abs(after[key].Value - expected) <= 1e-6 * Math.Max(1.0, Math.Abs(expected)),
                    $"l1 = {penaltyL1}, l2 = {penaltyL2}, {key}: {after[key].Value:R}, by hand {expected:R}");
            }
        }
    }

    /// <summary>One step of the rule for one parameter θ with gradient g; <paramref name="s"/> is its (M, V) state.</summary>
    private static double Step(Optimizer o, double theta, double g, ref (double M, double V) s, int t)
    {
        double eps = o.Epsilon;
        switch (o.Kind)
        {
            case OptimizerKind.Sgd:
                return theta - Eta * g;
            case OptimizerKind.Momentum: // v ← μv − ηg; θ ← θ + v
                s.M = o.Momentum * s.M - Eta * g;
                return theta + s.M;
            case OptimizerKind.Nesterov: // v ← μv − ηg; θ ← θ − μ v_prev + (1 + μ) v
                var previous = s.M;
                s.M = o.Momentum * s.M - Eta * g;
                return theta - o.Momentum * previous + (1 + o.Momentum) * s.M;
            case OptimizerKind.Adagrad: // G ← G + g²; θ ← θ − η g / (√G + ε)
                s.M += g * g;
                return theta - Eta * g / (Math.Sqrt(s.M) + eps);
            case OptimizerKind.RmsProp: // E ← ρE + (1 − ρ)g²; θ ← θ − η g / (√E + ε)
                s.M = o.Rho * s.M + (1 - o.Rho) * g * g;
                return theta - Eta * g / (Math.Sqrt(s.M) + eps);
            case OptimizerKind.Adam: // m, v with bias correction 1 − β^t
                s.M = o.Beta1 * s.M + (1 - o.Beta1) * g;
                s.V = o.Beta2 * s.V + (1 - o.Beta2) * g * g;
                var mHat = s.M / (1 - Math.Pow(o.Beta1, t));
                var vHat = s.V / (1 - Math.Pow(o.Beta2, t));
                return theta - Eta * mHat / (Math.Sqrt(vHat) + eps);
            case OptimizerKind.Adadelta: // E_g ← ρE_g + (1 − ρ)g²; Δ = −√(E_Δ + ε)/√(E_g + ε)·g; E_Δ ← ρE_Δ + (1 − ρ)Δ²; θ ← θ + ηΔ
                s.M = o.Rho * s.M + (1 - o.Rho) * g * g;
                var delta = -Math.Sqrt(s.V + eps) / Math.Sqrt(s.M + eps) * g;
                s.V = o.Rho * s.V + (1 - o.Rho) * delta * delta;
                return theta + Eta * delta;
            case OptimizerKind.AdaMax: // m ← β₁m + (1 − β₁)g; u ← max(β₂u, |g|); θ ← θ − η/(1 − β₁ᵗ)·m/(u + ε)
                s.M = o.Beta1 * s.M + (1 - o.Beta1) * g;
                s.V = Math.Max(o.Beta2 * s.V, Math.Abs(g));
                return theta - Eta / (1 - Math.Pow(o.Beta1, t)) * s.M / (s.V + eps);
            case OptimizerKind.Nadam: // Adam's m̂, v̂; θ ← θ − η/(√v̂ + ε)·(β₁m̂ + (1 − β₁)g/(1 − β₁ᵗ))
                s.M = o.Beta1 * s.M + (1 - o.Beta1) * g;
                s.V = o.Beta2 * s.V + (1 - o.Beta2) * g * g;
                var c1 = 1 - Math.Pow(o.Beta1, t);
                return theta - Eta / (Math.Sqrt(s.V / (1 - Math.Pow(o.Beta2, t))) + eps) * (o.Beta1 * s.M / c1 + (1 - o.Beta1) * g / c1);
            default:
                throw new ArgumentOutOfRangeException(nameof(o));
        }
    }

    /// <summary>Every weight ("w …") and bias ("b …") with its accumulated gradient, read from the components.</summary>
    private static Dictionary<string, (double Value, double Gradient)> Parameters(Network net)
    {
        var map = new Dictionary<string, (double, double)>();
        foreach (var s in net.Synapses())
        {
            map.Add($"w {s.FromLayer},{s.FromIndex}->{s.ToLayer},{s.ToIndex}", (s.Weight, s.Gradient));
        }

        for (var l = 1; l < net.Layers.Count; l++)
        {
            for (var j = 0; j < net.Layers[l].Size; j++)
            {
                var neuron = net.NeuronEntity(l, j);
                map.Add($"b {l},{j}", (net.World.Get<Bias>(neuron).Value, net.World.Get<BiasGradient>(neuron).Value));
            }
        }

        return map;
    }
}
