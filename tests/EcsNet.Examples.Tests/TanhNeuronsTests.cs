using EcsNet.Examples.TanhNeurons;
using EcsNet.Training;

namespace EcsNet.Examples.Tests;

/// <summary>Tanh neurons in a sigmoid layer: fast = reference, both = a hand forward pass, gradients = finite differences.</summary>
public sealed class TanhNeuronsTests
{
    [Fact]
    public void TheFastPathEqualsTheReferencePathInValuesAndGradients()
    {
        var (train, _) = IrisData.Load();
        using var net = TanhNeuronsExample.Build(seed: 2);
        var all = Enumerable.Range(0, train.Count).ToArray();
        var fast = Pass(net, PassMode.Fast, train, all);
        var reference = Pass(net, PassMode.Reference, train, all);

        Assert.Equal(reference.Activations.Length, fast.Activations.Length);
        for (var i = 0; i < fast.Activations.Length; i++)
        {
            Assert.Equal(reference.Activations[i], fast.Activations[i], 1e-5);
        }

        Assert.Equal(reference.Gradients.Length, fast.Gradients.Length);
        for (var i = 0; i < fast.Gradients.Length; i++)
        {
            Assert.Equal(reference.Gradients[i], fast.Gradients[i], 1e-5 * Math.Max(1, Math.Abs(reference.Gradients[i])));
        }
    }

    [Fact]
    public void TheOutputsEqualAForwardPassComputedByHandWithTanhAtTheMarkedNeurons()
    {
        var (train, _) = IrisData.Load();
        using var net = TanhNeuronsExample.Build(seed: 2);
        var negative = 0;
        for (var i = 0; i < train.Count; i += 3)
        {
            var hand = HandNetwork.Forward(net, train.Input(i));
            var output = net.Predict(train.Input(i));
            for (var j = 0; j < output.Length; j++)
            {
                Assert.Equal(hand[^1][j], output[j], 1e-5);
            }

            for (var j = 0; j < 8; j++)
            {
                var a = net.Value(NeuronValue.Activation, 1, j);
                var z = net.Value(NeuronValue.NetInput, 1, j);
                var f = TanhNeuronsExample.TanhIndices.Contains(j) ? "tanh" : "sigmoid";
                Assert.Equal(HandNetwork.F(f, z), a, 1e-6);
                Assert.Equal(hand[1][j], a, 1e-5);
                negative += a < 0 ? 1 : 0;
            }
        }

        // Only a tanh neuron can go below zero: the override was not a no-op.
        Assert.True(negative > 0);
    }

    [Fact]
    public void BackpropagationMatchesFiniteDifferencesThroughTanhAndSigmoidNeurons()
    {
        var (train, _) = IrisData.Load();
        using var net = TanhNeuronsExample.Build(seed: 3);
        int[] batch = [2, 71, 82, 81, 8, 28, 45, 90, 4, 52];
        net.LoadBatch(train, batch);
        net.Forward();
        net.Backpropagate();
        var synapses = net.Synapses();
        net.DiscardGradients();
        var tanh = TanhNeuronsExample.TanhIndices;

        // Into and out of each kind of hidden neuron.
        var checkedSynapses = synapses.Where(s => s.FromLayer == 1 || s.ToIndex is 0 or 1 or 3).ToList();
        Assert.Contains(checkedSynapses, s => s.ToLayer == 1 && tanh.Contains(s.ToIndex));
        Assert.Contains(checkedSynapses, s => s.ToLayer == 1 && !tanh.Contains(s.ToIndex));
        foreach (var s in checkedSynapses)
        {
            var numeric = HandNetwork.Derivative(net, s.Entity, () => HandNetwork.CrossEntropy(net, train, batch));
            Assert.True(Math.Abs(numeric - s.Gradient) <= 2e-3 + 1e-2 * Math.Abs(s.Gradient), $"{s}: finite differences {numeric:G6}, backpropagation {s.Gradient:G6}");
        }
    }

    [Fact]
    public void TheExampleTrainsIrisWithBothPathsAgreeing()
    {
        var log = new StringWriter();
        var run = TanhNeuronsExample.Run(epochs: 60, log: log);
        using var net = run.Net;
        Assert.True(run.TestAccuracy >= 0.9, $"test accuracy {run.TestAccuracy:P1}");
        Assert.True(run.LargestPathDifference <= 1e-5, $"paths differ by {run.LargestPathDifference}");
        Assert.Equal(run.TestAccuracy, Evaluator.Evaluate(net, run.Test).Accuracy);
        Assert.Contains("(tanh)", log.ToString());
    }

    private static (float[] Activations, float[] Gradients) Pass(Network net, PassMode mode, Data.DataSet data, int[] indices)
    {
        net.PassMode = mode;
        net.LoadBatch(data, indices);
        net.Forward();
        var activations = new List<float>();
        for (var l = 1; l < net.Layers.Count; l++)
        {
            for (var j = 0; j < net.Layers[l].Size; j++)
            {
                for (var b = 0; b < indices.Length; b++)
                {
                    activations.Add(net.Value(NeuronValue.Activation, l, j, b));
                }
            }
        }

        net.Backpropagate();
        var gradients = net.Synapses().Select(s => s.Gradient).ToArray();
        net.DiscardGradients();
        net.PassMode = PassMode.Fast;
        return (activations.ToArray(), gradients);
    }
}
