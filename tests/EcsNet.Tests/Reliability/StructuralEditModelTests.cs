using EcsNet.ActivationFunctions;
using EcsNet.Components;
using EcsNet.Data;
using EcsNet.Training;

namespace EcsNet.Tests.Reliability;

/// <summary>
/// Model-based test of editing a network between training steps: seeded random sequences of structural changes made
/// through every API (Connect/Disconnect, World.Create/Destroy/Add/Remove, World.Set of a synapse's ends), including
/// count-preserving pairs, interleaved with training steps. After every step the network must equal a network rebuilt
/// from scratch from its model (save and load), with the same per-synapse components, that took the same step.
/// </summary>
public class StructuralEditModelTests
{
    private const int Sequences = 2000;

    [Fact]
    public void RandomEditSequencesMatchANetworkRebuiltFromScratch()
    {
        var data = Playground.Generate("circle", 64, 0.1, 7);
        var inputs = new float[9 * 8];
        var targets = new float[3 * 8];
        var failures = new List<string>();
        for (var sequence = 0; sequence < Sequences && failures.Count < 5; sequence++)
        {
            var random = new SeededRandom(sequence + 1);
            using var net = NetworkBuilder.FullyConnected([9, 10, 8, 3], ActivationFunction.Sigmoid, Initializer.Xavier, sequence);
            var optimizer = sequence % 3 == 2 ? Optimizer.WithMomentum(0.5f) : Optimizer.Sgd;
            for (var step = 0; step < 6; step++)
            {
                var edits = 1 + random.NextInt(3);
                var log = new List<string>();
                for (var e = 0; e < edits; e++)
                {
                    log.Add(RandomEdit(net, random));
                }

                var m = 1 + random.NextInt(4);
                for (var i = 0; i < inputs.Length; i++)
                {
                    inputs[i] = (float)random.NextUniform(-1, 1);
                }

                for (var i = 0; i < targets.Length; i++)
                {
                    targets[i] = (float)random.NextDouble();
                }

                using var oracle = Rebuild(net);
                net.LoadBatch(inputs.AsSpan(0, 9 * m), targets.AsSpan(0, 3 * m), m);
                net.TrainStep(optimizer, 0.5f);
                oracle.LoadBatch(inputs.AsSpan(0, 9 * m), targets.AsSpan(0, 3 * m), m);
                oracle.TrainStep(optimizer, 0.5f);

                var mismatch = FirstMismatch(oracle, net);
                if (mismatch is not null)
                {
                    failures.Add($"sequence {sequence}, step {step} after [{string.Join("; ", log)}]: {mismatch}");
                    break;
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    /// <summary>One random structural change; returns what it did.</summary>
    internal static string RandomEdit(Network net, SeededRandom random)
    {
        var world = net.World;
        var synapses = net.Synapses();
        var pick = synapses[random.NextInt(synapses.Count)];
        var s = pick.Entity;
        switch (random.NextInt(9))
        {
            case 0:
                ToggleComponent(net, pick, new Frozen());
                return $"toggle Frozen {Ends(pick)}";
            case 1:
                ToggleComponent(net, pick, new LearningRate { Value = 0.1f + (float)random.NextDouble() });
                return $"toggle LearningRate {Ends(pick)}";
            case 2:
                // A count-preserving pair: the row count of every chunk is the same afterwards.
                ToggleComponent(net, pick, new Frozen());
                ToggleComponent(net, synapses[random.NextInt(synapses.Count)], new Frozen());
                return $"toggle Frozen {Ends(pick)} and another";
            case 3 when CanRemove(net, pick):
                net.Disconnect(s);
                return $"disconnect {Ends(pick)}";
            case 4 when CanRemove(net, pick):
                // Destroy then create: the same count, a different synapse in the freed row.
                var w = pick.Weight;
                world.Destroy(s);
                if (FreeEnds(net, random) is { } ends)
                {
                    world.Create(new Synapse { Source = net.Slot(ends.FromLayer, ends.FromIndex), Target = net.Slot(ends.ToLayer, ends.ToIndex) },
                        new Weight { Value = w }, new WeightGradient(), new OptimizerState());
                    return $"destroy {Ends(pick)}, create {ends}";
                }

                return $"destroy {Ends(pick)}";
            case 5 when CanRemove(net, pick):
                // Destroy then create the same synapse again.
                world.Destroy(s);
                world.Create(new Synapse { Source = net.Slot(pick.FromLayer, pick.FromIndex), Target = net.Slot(pick.ToLayer, pick.ToIndex) },
                    new Weight { Value = pick.Weight }, new WeightGradient(), new OptimizerState());
                return $"recreate {Ends(pick)}";
            case 6 when CanRemove(net, pick) && FreeEnds(net, random) is { } rewired:
                world.Set(s, new Synapse { Source = net.Slot(rewired.FromLayer, rewired.FromIndex), Target = net.Slot(rewired.ToLayer, rewired.ToIndex) });
                return $"rewire {Ends(pick)} to {rewired}";
            case 7 when FreeEnds(net, random) is { } added:
                net.Connect(added.FromLayer, added.FromIndex, added.ToLayer, added.ToIndex, (float)random.NextUniform(-0.5, 0.5));
                return $"connect {added}";
            default:
                // Toggle twice: nothing changes in the end but rows moved twice.
                ToggleComponent(net, pick, new LearningRate { Value = 2f });
                ToggleComponent(net, pick, new LearningRate { Value = 2f });
                ToggleComponent(net, pick, new Frozen());
                ToggleComponent(net, pick, new Frozen());
                return $"toggle twice on {Ends(pick)}";
        }
    }

    private static void ToggleComponent<T>(Network net, SynapseInfo synapse, T value)
    {
        if (net.World.Has<T>(synapse.Entity))
        {
            net.World.Remove<T>(synapse.Entity);
        }
        else
        {
            net.World.Add(synapse.Entity, value);
        }
    }

    private static string Ends(SynapseInfo s) => $"({s.FromLayer},{s.FromIndex})→({s.ToLayer},{s.ToIndex})";

    /// <summary>Every layer after the input keeps at least one incoming synapse, so the model can be written.</summary>
    private static bool CanRemove(Network net, SynapseInfo s) => net.Synapses().Count(o => o.ToLayer == s.ToLayer) > 1;

    private static (int FromLayer, int FromIndex, int ToLayer, int ToIndex)? FreeEnds(Network net, SeededRandom random)
    {
        var existing = net.Synapses().Select(x => (x.FromLayer, x.FromIndex, x.ToLayer, x.ToIndex)).ToHashSet();
        for (var attempt = 0; attempt < 30; attempt++)
        {
            var to = 1 + random.NextInt(net.Layers.Count - 1);
            var from = random.NextInt(to);
            var key = (from, random.NextInt(net.Layers[from].Size), to, random.NextInt(net.Layers[to].Size));
            if (!existing.Contains(key))
            {
                return key;
            }
        }

        return null;
    }

    /// <summary>
    /// A fresh network from the model file form of <paramref name="net"/>, with the per-synapse components and optimiser
    /// states (which the format does not hold) copied by synapse ends.
    /// </summary>
    internal static Network Rebuild(Network net)
    {
        var rebuilt = NetworkModel.ToNetwork(NetworkModel.ToSpec(net));
        var byEnds = rebuilt.Synapses().ToDictionary(s => (s.FromLayer, s.FromIndex, s.ToLayer, s.ToIndex), s => s.Entity);

        foreach (var s in net.Synapses())
        {
            var target = byEnds[(s.FromLayer, s.FromIndex, s.ToLayer, s.ToIndex)];
            rebuilt.World.Set(target, net.World.Get<OptimizerState>(s.Entity));
            if (net.World.TryGet<LearningRate>(s.Entity, out var eta))
            {
                rebuilt.World.Add(target, eta);
            }

            if (net.World.Has<Frozen>(s.Entity))
            {
                rebuilt.World.Add(target, new Frozen());
            }
        }

        for (var l = 1; l < net.Layers.Count; l++)
        {
            for (var j = 0; j < net.Layers[l].Size; j++)
            {
                rebuilt.World.Set(rebuilt.NeuronEntity(l, j), net.World.Get<OptimizerState>(net.NeuronEntity(l, j)));
            }
        }

        return rebuilt;
    }

    /// <summary>The first weight or bias on which two networks differ by more than float rounding, or null.</summary>
    internal static string? FirstMismatch(Network expected, Network actual)
    {
        var e = TestNetworks.WeightsByEnds(expected);
        var a = TestNetworks.WeightsByEnds(actual);
        if (!e.Keys.SequenceEqual(a.Keys))
        {
            return $"synapses differ: {e.Count} expected, {a.Count} actual";
        }

        var off = e.Where(kv => !Close(kv.Value, a[kv.Key])).ToList();
        if (off.Count > 0)
        {
            var (ends, w) = off[0];
            return $"{off.Count} of {e.Count} weights off, e.g. {ends}: expected {w:R}, actual {a[ends]:R}";
        }

        var eb = TestNetworks.Biases(expected);
        var ab = TestNetworks.Biases(actual);
        for (var i = 0; i < eb.Length; i++)
        {
            if (!Close(eb[i], ab[i]))
            {
                return $"bias {i}: expected {eb[i]:R}, actual {ab[i]:R}";
            }
        }

        return null;
    }

    private static bool Close(float x, float y) => Math.Abs(x - y) <= 1e-5f * Math.Max(1f, Math.Abs(x));
}
