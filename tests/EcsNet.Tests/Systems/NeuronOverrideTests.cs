using EcsNet.ActivationFunctions;
using EcsNet.Components;
using EcsNet.Data;
using EcsNet.Training;

namespace EcsNet.Tests.Systems;

/// <summary>
/// <see cref="Mask"/> and <see cref="OwnFunction"/> on single neurons: the backpropagated gradient equals central
/// finite differences of the cost, in both pass modes, and the forward values equal a hand computation.
/// </summary>
public class NeuronOverrideTests
{
    [Theory]
    [InlineData(PassMode.Fast)]
    [InlineData(PassMode.Reference)]
    public void GradientsWithMasksAndOwnFunctionsMatchFiniteDifferences(PassMode mode)
    {
        var data = Playground.Generate("circle", 12, 0.1, 9);
        using var net = NetworkBuilder.FullyConnected([2, 9, 8, 1], ActivationFunction.Sigmoid, Initializer.Xavier, 9);
        net.PassMode = mode;
        net.World.Add(net.NeuronEntity(1, 1), OwnFunction.Of(ActivationFunction.Tanh));
        net.World.Add(net.NeuronEntity(1, 2), new Mask { Value = 0f });
        net.World.Add(net.NeuronEntity(1, 3), new Mask { Value = 2.5f });
        net.World.Add(net.NeuronEntity(2, 4), OwnFunction.Of(ActivationFunction.Relu));
        net.World.Add(net.NeuronEntity(2, 4), new Mask { Value = 0.5f });
        net.World.Add(net.NeuronEntity(3, 0), OwnFunction.Of(ActivationFunction.Tanh));
        int[] batch = Enumerable.Range(0, data.Count).ToArray();

        net.LoadBatch(data, batch);
        net.Forward();
        net.Backpropagate();
        foreach (var s in net.Synapses())
        {
            var backprop = s.Gradient;
            ref var w = ref net.World.Get<Weight>(s.Entity).Value;
            var saved = w;
            const float h = 1e-3f;
            w = saved + h;
            var up = Cost(net, data, batch);
            w = saved - h;
            var down = Cost(net, data, batch);
            w = saved;
            var numeric = (up - down) / (2 * h);
            Assert.True(Math.Abs(numeric - backprop) <= 2e-3 + 2e-2 * Math.Abs(numeric), $"{s}: backprop {backprop}, finite differences {numeric}");
        }

        // The dropped neuron passes nothing on: every synapse leaving it has a zero gradient.
        Assert.All(net.Synapses().Where(s => s.FromLayer == 1 && s.FromIndex == 2), s => Assert.Equal(0f, s.Gradient));
    }

    [Fact]
    public void TheForwardPassAppliesTheNeuronsOwnFunctionAndMask()
    {
        using var net = NetworkBuilder.FullyConnected([2, 3, 1], ActivationFunction.Sigmoid, Initializer.Xavier, 2);
        net.World.Add(net.NeuronEntity(1, 0), OwnFunction.Of(ActivationFunction.Tanh));
        net.World.Add(net.NeuronEntity(1, 2), new Mask { Value = 0.5f });
        float[] x = [0.3f, -0.7f];
        var output = net.Predict(x)[0];

        var hidden = new double[3];
        for (var j = 0; j < 3; j++)
        {
            var z = (double)net.GetBias(1, j);
            foreach (var s in net.Synapses().Where(s => s.ToLayer == 1 && s.ToIndex == j))
            {
                z += s.Weight * x[s.FromIndex];
            }

            hidden[j] = j == 0 ? Math.Tanh(z) : 1 / (1 + Math.Exp(-z));
        }

        hidden[2] *= 0.5;
        var zOut = (double)net.GetBias(2, 0);
        foreach (var s in net.Synapses().Where(s => s.ToLayer == 2))
        {
            zOut += s.Weight * hidden[s.FromIndex];
        }

        Assert.Equal(1 / (1 + Math.Exp(-zOut)), output, 1e-6);
    }

    [Fact]
    public void ASoftmaxNeuronCannotBeOverridden()
    {
        using var net = NetworkBuilder.FullyConnected([2, 3], ActivationFunction.Softmax, Initializer.Xavier, 2);
        net.World.Add(net.NeuronEntity(1, 0), new Mask { Value = 0f });
        var error = Assert.Throws<InvalidOperationException>(() => net.Predict([0.1f, 0.2f]));
        Assert.Contains("softmax", error.Message);
        Assert.Throws<ArgumentException>(() => OwnFunction.Of(ActivationFunction.Softmax));
    }

    private static double Cost(Network net, DataSet data, int[] batch)
    {
        net.LoadBatch(data, batch);
        net.Forward();
        var a = net.Outputs;
        var sum = 0.0;
        for (var b = 0; b < batch.Length; b++)
        {
            var e = (double)a[b] - data.Target(batch[b])[0];
            sum += 0.5 * e * e;
        }

        return sum;
    }
}
