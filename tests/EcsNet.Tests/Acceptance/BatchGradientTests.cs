using EcsNet.Components;
using EcsNet.Data;
using EcsNet.Training;

namespace EcsNet.Tests.Acceptance;

/// <summary>
/// Batch, mini-batch and incremental gradient descent are one algorithm: the gradient of a batch is the sum of the
/// per-sample gradients, and mini-batches of one sample are the incremental (per-sample) rule.
/// </summary>
public sealed class BatchGradientTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void BatchGradientEqualsTheSumOfPerSampleGradients(long seed)
    {
        var xor = LogicGates.Xor();

        // One batch of all four samples: Forward + Backpropagate, then read the WeightGradient and BiasGradient components.
        using var batch = TestNetworks.Xor231(seed);
        batch.LoadBatch(xor.Inputs, xor.Targets, 4);
        batch.Forward();
        var batchCost = batch.Backpropagate();
        var batchGradients = Gradients(batch);

        // Four single-sample passes on an identical network; the components accumulate until an update.
        using var single = TestNetworks.Xor231(seed);
        var singleCost = 0.0;
        for (var i = 0; i < 4; i++)
        {
            single.LoadBatch(xor.Input(i), xor.Target(i), 1);
            single.Forward();
            singleCost += single.Backpropagate();
        }

        var summed = Gradients(single);
        Assert.Equal(batchGradients.Keys, summed.Keys);
        foreach (var (key, g) in batchGradients)
        {
            Assert.True(Math.Abs(g - summed[key]) <= 1e-6 * Math.Max(1.0, Math.Abs(g)), $"{key}: batch {g}, Σ per sample {summed[key]}");
        }

        Assert.Equal(batchCost, singleCost, 1e-6);
        Assert.Contains(batchGradients.Values, g => Math.Abs(g) > 1e-3); // the comparison is not vacuous
    }

    [Fact]
    public void TrainerWithMiniBatchesOfOneEqualsManualIncrementalUpdates()
    {
        var xor = LogicGates.Xor();
        const float eta = 0.5f;
        const int epochs = 50;

        using var trained = TestNetworks.Xor231(seed: 5);
        new Trainer(new TrainingOptions { Epochs = epochs, BatchSize = 1, LearningRate = eta, Shuffle = false }).Train(trained, xor);

        // The incremental rule by hand: for each sample in turn, w ← w − η ∂C_x/∂w.
        using var manual = TestNetworks.Xor231(seed: 5);
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            for (var i = 0; i < xor.Count; i++)
            {
                manual.LoadBatch(xor.Input(i), xor.Target(i), 1);
                manual.TrainStep(Optimizer.Sgd, eta);
            }
        }

        TestNetworks.AssertBitIdentical(manual, trained);
    }

    /// <summary>∂C/∂w of every synapse (keyed by its ends) and ∂C/∂b of every neuron (keyed by layer, index).</summary>
    private static SortedDictionary<string, double> Gradients(Network net)
    {
        var map = new SortedDictionary<string, double>(StringComparer.Ordinal);
        foreach (var s in net.Synapses())
        {
            map.Add($"w {s.FromLayer},{s.FromIndex}->{s.ToLayer},{s.ToIndex}", net.World.Get<WeightGradient>(s.Entity).Value);
        }

        for (var l = 1; l < net.Layers.Count; l++)
        {
            for (var j = 0; j < net.Layers[l].Size; j++)
            {
                map.Add($"b {l},{j}", net.World.Get<BiasGradient>(net.NeuronEntity(l, j)).Value);
            }
        }

        return map;
    }
}
