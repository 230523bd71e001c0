using EcsNet.ActivationFunctions;
using EcsNet.Components;
using EcsNet.Training;

namespace EcsNet.Tests.Kernels;

/// <summary>
/// The tile gradient reads its sources' activations sample-major. Loading a batch writes the inputs that way; of the
/// hidden layers the gradient pass copies only the slots some tile reads. A hidden layer whose outgoing synapses are
/// all on the sparse path (pruned) is never copied, and every step still equals the per-synapse reference path.
/// </summary>
public class SampleMajorActivationsTests
{
    private const double Tolerance = 1e-5;
    private const int Hidden = 24;

    [Fact]
    public void APrunedHiddenLayerIsNotCopiedSampleMajorAndTheStepStillMatchesTheReference()
    {
        using var fast = Build(pruneInputs: false, pruneHidden: true);
        using var reference = Reference(pruneInputs: false, pruneHidden: true);

        // Hidden → output is on the sparse path; only the dense input → hidden layer forms tiles.
        Assert.Equal([(0, fast.InputSize)], fast.EnsurePlan().TileSourceRanges.ToArray());

        const int m = 16;
        var (inputs, targets) = FastPathTests.RandomBatch(fast, m, seed: 4);
        fast.Batch.Resize(m);
        Array.Fill(fast.Batch.AT, float.NaN);
        LoadAndTrain(inputs, targets, m, fast, reference);

        // The inputs are the batch as given; nothing wrote the hidden rows.
        var at = fast.Batch.AT;
        for (var b = 0; b < m; b++)
        {
            for (var k = 0; k < fast.InputSize; k++)
            {
                Assert.Equal(inputs[b * fast.InputSize + k], at[b * fast.NeuronCount + k]);
            }

            for (var j = 0; j < Hidden; j++)
            {
                Assert.True(float.IsNaN(at[b * fast.NeuronCount + fast.InputSize + j]), $"hidden slot {j}, sample {b} was copied");
            }
        }

        AssertSameWeights(fast, reference);
    }

    [Fact]
    public void AHiddenLayerThatFeedsTilesIsCopiedSampleMajor()
    {
        using var fast = Build(pruneInputs: true, pruneHidden: false);
        using var reference = Reference(pruneInputs: true, pruneHidden: false);
        Assert.Equal([(fast.InputSize, fast.InputSize + Hidden)], fast.EnsurePlan().TileSourceRanges.ToArray());

        const int m = 16;
        var (inputs, targets) = FastPathTests.RandomBatch(fast, m, seed: 6);
        LoadAndTrain(inputs, targets, m, fast, reference);

        // The copy holds the hidden activations a of this step's feedforward pass, sample by sample.
        for (var b = 0; b < m; b++)
        {
            for (var j = 0; j < Hidden; j++)
            {
                Assert.Equal(fast.Value(NeuronValue.Activation, 1, j, b), fast.Batch.AT[b * fast.NeuronCount + fast.InputSize + j]);
            }
        }

        AssertSameWeights(fast, reference);
    }

    [Fact]
    public void HiddenTilesMadeAfterTheBatchWasLoadedStillReadThisStepsActivations()
    {
        using var fast = Build(pruneInputs: true, pruneHidden: true);
        using var reference = Reference(pruneInputs: true, pruneHidden: true);
        const int m = 16;
        var (inputs, targets) = FastPathTests.RandomBatch(fast, m, seed: 10);
        foreach (var net in new[] { fast, reference })
        {
            net.LoadBatch(inputs, targets, m);
        }

        // No tile yet; then output 0 gains a full row of the first sixteen hidden neurons (one tile), after loading.
        Assert.Empty(fast.EnsurePlan().TileSourceRanges.ToArray());
        foreach (var net in new[] { fast, reference })
        {
            foreach (var synapse in net.Synapses().Where(s => s.FromLayer == 1 && s.ToIndex == 0).ToList())
            {
                net.Disconnect(synapse.Entity);
            }

            for (var k = 0; k < 16; k++)
            {
                net.Connect(1, k, 2, 0, 0.05f * (k - 8));
            }
        }

        Assert.Equal([(fast.InputSize, fast.InputSize + 16)], fast.EnsurePlan().TileSourceRanges.ToArray());
        foreach (var net in new[] { fast, reference })
        {
            net.TrainStep(Optimizer.Sgd, 0.5f);
        }

        AssertSameWeights(fast, reference);
    }

    [Fact]
    public void InputsWithNoSynapseStillShowTheirActivation()
    {
        using var fast = Build(pruneInputs: true, pruneHidden: false);
        using var reference = Reference(pruneInputs: true, pruneHidden: false);

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
        LoadAndTrain(inputs, targets, m, fast, reference);

        // Each input neuron's Activation component is the first sample's x_k, used or not.
        for (var k = 0; k < fast.InputSize; k++)
        {
            Assert.Equal(inputs[k], fast.World.Get<Activation>(fast.NeuronEntity(0, k)).Value);
            Assert.Equal(inputs[k], reference.World.Get<Activation>(reference.NeuronEntity(0, k)).Value);
        }

        AssertSameWeights(fast, reference);
    }

    /// <summary>
    /// A 40-24-6 sigmoid network with 80 % of the synapses of the pruned layers cut, saved and loaded (as a pruned model
    /// is), which stores each target's synapses together again, so the dense layers form tiles.
    /// </summary>
    private static Network Build(bool pruneInputs, bool pruneHidden)
    {
        using var net = NetworkBuilder.FullyConnected([40, Hidden, 6], ActivationFunction.Sigmoid, Initializer.Xavier, seed: 12);
        var random = new SeededRandom(13);
        foreach (var synapse in net.Synapses().ToList())
        {
            var pruned = synapse.FromLayer == 0 ? pruneInputs : pruneHidden;
            if (pruned && random.NextDouble() < 0.8)
            {
                net.Disconnect(synapse.Entity);
            }
        }

        return NetworkModel.ToNetwork(NetworkModel.ToSpec(net));
    }

    /// <summary>The network <see cref="Build"/> makes, on the per-synapse reference path.</summary>
    private static Network Reference(bool pruneInputs, bool pruneHidden)
    {
        var net = Build(pruneInputs, pruneHidden);
        net.PassMode = PassMode.Reference;
        return net;
    }

    private static void LoadAndTrain(float[] inputs, float[] targets, int m, params Network[] nets)
    {
        foreach (var net in nets)
        {
            net.LoadBatch(inputs, targets, m);
            net.TrainStep(Optimizer.Sgd, 0.5f);
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
