using EcsNet.ActivationFunctions;
using EcsNet.Components;
using EcsNet.Training;

namespace EcsNet.Tests.Systems;

/// <summary>
/// After a step every neuron's <see cref="Activation"/>, <see cref="NetInput"/> and <see cref="Delta"/> components hold
/// the first sample's a, z and δ, whichever of them the neuron carries.
/// </summary>
public sealed class NeuronMirrorTests
{
    [Fact]
    public void EveryNeuronShowsTheFirstSamplesValuesInTheComponentsItCarries()
    {
        using var net = new NetworkBuilder().Input(2).Dense(4, ActivationFunction.Tanh).Dense(2, ActivationFunction.Sigmoid).Build(seed: 5);

        // Three kinds of neuron: an input (a only), hidden neurons with all three, one without z and one without a.
        var noNetInput = net.NeuronEntity(1, 1);
        var noActivation = net.NeuronEntity(1, 2);
        net.World.Remove<NetInput>(noNetInput);
        net.World.Remove<Activation>(noActivation);

        float[] inputs = [0.3f, -0.7f, 0.9f, 0.1f];
        float[] targets = [1f, 0f, 0f, 1f];
        net.LoadBatch(inputs, targets, 2);
        net.TrainStep(Optimizer.Sgd, 0.1f);

        // The first sample's numbers after the step's passes, from the batch buffers (sample 0), neuron by neuron.
        var checkedValues = 0;
        for (var layer = 0; layer < 3; layer++)
        {
            for (var j = 0; j < net.Layers[layer].Size; j++)
            {
                var entity = net.NeuronEntity(layer, j);
                if (net.World.Has<Activation>(entity))
                {
                    Assert.Equal(net.Value(NeuronValue.Activation, layer, j), net.World.Get<Activation>(entity).Value);
                    checkedValues++;
                }

                if (net.World.Has<NetInput>(entity))
                {
                    Assert.Equal(net.Value(NeuronValue.NetInput, layer, j), net.World.Get<NetInput>(entity).Value);
                    checkedValues++;
                }

                if (net.World.Has<Delta>(entity))
                {
                    Assert.Equal(net.Value(NeuronValue.Delta, layer, j), net.World.Get<Delta>(entity).Value);
                    checkedValues++;
                }
            }
        }

        // 2 inputs × a; 4 hidden × 3 minus the two removed; 2 outputs × 3.
        Assert.Equal(2 + 10 + 6, checkedValues);
        Assert.Equal(inputs[0], net.World.Get<Activation>(net.NeuronEntity(0, 0)).Value);
        Assert.NotEqual(0f, net.World.Get<NetInput>(noActivation).Value);
        Assert.NotEqual(0f, net.World.Get<Activation>(noNetInput).Value);
    }
}
