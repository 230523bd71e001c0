using EcsNet.ActivationFunctions;
using EcsNet.Components;
using EcsNet.Training;

namespace EcsNet.Tests.Kernels;

/// <summary>
/// The tile gradient reads its sources' activations sample-major; the fast path builds that copy only for the slots
/// some tile reads. A layer whose synapses are all on the sparse path (a pruned input layer) is never copied, and the
/// step still equals the per-synapse reference path; a layer that feeds tiles is copied exactly.
/// </summary>
public class SampleMajorActivationsTests
{
    private const double Tolerance = 1e-5;

    [Fact]
    public void APrunedInputLayerIsNotCopiedSampleMajorAndTheStepStillMatchesTheReference()
    {
        using var fast = Build(pruneInputs: true);
        using var reference = Build(pruneInputs: true);
        reference.PassMode = PassMode.Reference;

        // Input → hidden is on the sparse path; only the dense hidden → output layer forms tiles.
        var plan = fast.EnsurePlan();
        Assert.Equal([(fast.InputSize, fast.InputSize + 24)], plan.TileSourceRanges.ToArray());

        const int m = 16;
        var (inputs, targets) = FastPathTests.RandomBatch(fast, m, seed: 4);
        fast.Batch.Resize(m);
        Array.Fill(fast.Batch.AT, float.NaN);
        foreach (var net in new[] { fast, reference })
        {
            net.LoadBatch(inputs, targets, m);
            net.TrainStep(Optimizer.Sgd, 0.5f);
        }

        // Nothing wrote the input rows of the sample-major copy, and the hidden rows hold a transposed.
        var at = fast.Batch.AT;
        for (var b = 0; b < m; b++)
        {
            for (var k = 0; k < fast.InputSize; k++)
            {
                Assert.True(float.IsNaN(at[b * fast.NeuronCount + k]), $"input slot {k}, sample {b} was copied");
            }

            for (var j = 0; j < 24; j++)
            {
                var slot = fast.InputSize + j;
                Assert.Equal(fast.Value(NeuronValue.Activation, 1, j, b), at[b * fast.NeuronCount + slot]);
            }
        }

        AssertSameWeights(fast, reference);
    }

    [Fact]
    public void InputsThatFeedTilesAreCopiedSampleMajorFromTheLoadedBatch()
    {
        using var fast = Build(pruneInputs: false);
        using var reference = Build(pruneInputs: false);
        reference.PassMode = PassMode.Reference;
        Assert.Equal([(0, fast.InputSize + 24)], fast.EnsurePlan().TileSourceRanges.ToArray());

        const int m = 16;
        var (inputs, targets) = FastPathTests.RandomBatch(fast, m, seed: 6);
        fast.Batch.Resize(m);
        Array.Fill(fast.Batch.AT, float.NaN);
        foreach (var net in new[] { fast, reference })
        {
            net.LoadBatch(inputs, targets, m);
            net.TrainStep(Optimizer.Sgd, 0.5f);
        }

        // The caller's batch is sample-major already: the copy must equal it value for value.
        for (var b = 0; b < m; b++)
        {
            for (var k = 0; k < fast.InputSize; k++)
            {
                Assert.Equal(inputs[b * fast.InputSize + k], fast.Batch.AT[b * fast.NeuronCount + k]);
            }
        }

        AssertSameWeights(fast, reference);
    }

    [Fact]
    public void InputsWithNoSynapseStillShowTheirActivation()
    {
        using var fast = Build(pruneInputs: true);
        using var reference = Build(pruneInputs: true);
        reference.PassMode = PassMode.Reference;

        // Cut every synapse of the first eight inputs.
        foreach (var net in new[] { fast, reference })
        {
            foreach (var synapse in net.Synapses().Where(s => s.FromLayer == 0 && s.FromIndex < 8).ToList())
            {
                net.Disconnect(synapse.Entity);
            }
        }

        const int m = 8;
        var (inputs, targets) = FastPathTests.RandomBatch(fast, m, seed: 8);
        foreach (var net in new[] { fast, reference })
        {
            net.LoadBatch(inputs, targets, m);
            net.TrainStep(Optimizer.Sgd, 0.5f);
        }

        // Each input neuron's Activation component is the first sample's x_k, used or not.
        for (var k = 0; k < fast.InputSize; k++)
        {
            Assert.Equal(inputs[k], fast.World.Get<Activation>(fast.NeuronEntity(0, k)).Value);
            Assert.Equal(inputs[k], reference.World.Get<Activation>(reference.NeuronEntity(0, k)).Value);
        }

        AssertSameWeights(fast, reference);
    }

    /// <summary>
    /// A 40-24-6 sigmoid network; with <paramref name="pruneInputs"/> 80 % of its input synapses are cut, and it is
    /// saved and loaded (as a pruned model is), which stores each target's synapses together again.
    /// </summary>
    private static Network Build(bool pruneInputs)
    {
        var net = NetworkBuilder.FullyConnected([40, 24, 6], ActivationFunction.Sigmoid, Initializer.Xavier, seed: 12);
        if (!pruneInputs)
        {
            return net;
        }

        var random = new SeededRandom(13);
        foreach (var synapse in net.Synapses().Where(s => s.FromLayer == 0).ToList())
        {
            if (random.NextDouble() < 0.8)
            {
                net.Disconnect(synapse.Entity);
            }
        }

        using (net)
        {
            return NetworkModel.ToNetwork(NetworkModel.ToSpec(net));
        }
    }

    private static void AssertSameWeights(Network fast, Network reference)
    {
        var f = fast.Synapses().OrderBy(s => (s.ToLayer, s.ToIndex, s.FromLayer, s.FromIndex)).ToList();
        var r = reference.Synapses().OrderBy(s => (s.ToLayer, s.ToIndex, s.FromLayer, s.FromIndex)).ToList();
        Assert.Equal(r.Count, f.Count);
        for (var i = 0; i < f.Count; i++)
        {
            Assert.True(Math.Abs(f[i].Weight - r[i].Weight) <= Tolerance * (1 + Math.Abs(r[i].Weight)), $"synapse {i}: {f[i].Weight} vs {r[i].Weight}");
        }
    }
}
