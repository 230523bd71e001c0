using EcsNet.ActivationFunctions;
using EcsNet.Components;
using EcsNet.Training;

namespace EcsNet.Tests.Reliability;

/// <summary>
/// The passes keep what they derive from the world (layer sizes and slots, the neuron queries' chunks, which layers
/// have overridden neurons) until the world changes. These edits must reach the very next pass, or be refused.
/// </summary>
public sealed class CachedStructureTests
{
    [Fact]
    public void ChangingALayerComponentIsRefusedAtTheNextPass()
    {
        using var net = TestNetworks.Xor231(seed: 1);
        net.Predict([1f, 0f]);
        var hidden = net.Layers[1];
        net.World.Set(hidden.Entity, new Layer { Index = 1, Size = 2, FirstSlot = hidden.FirstSlot });

        var error = Assert.Throws<InvalidOperationException>(() => net.Predict([1f, 0f]));
        Assert.Contains("Layer component of layer 1", error.Message);
        Assert.Equal(3, hidden.Size);
    }

    [Fact]
    public void DestroyingALayerEntityIsRefusedAtTheNextPass()
    {
        using var net = TestNetworks.Xor231(seed: 1);
        net.Predict([1f, 0f]);
        net.World.Destroy(net.OutputLayer.Entity);

        var error = Assert.Throws<InvalidOperationException>(() => net.Predict([1f, 0f]));
        Assert.Contains("entity of layer 2", error.Message);
    }

    [Fact]
    public void WritingALayerComponentBackUnchangedKeepsTheOutputs()
    {
        using var net = TestNetworks.Xor231(seed: 1);
        var before = net.Predict([1f, 0f]).ToArray();
        var hidden = net.Layers[1];
        net.World.Set(hidden.Entity, new Layer { Index = hidden.Index, Size = hidden.Size, FirstSlot = hidden.FirstSlot });

        Assert.Equal(before, net.Predict([1f, 0f]).ToArray());
    }

    [Fact]
    public void FreezingABiasBetweenStepsHoldsItFromTheNextStepAndThawingReleasesIt()
    {
        using var net = TestNetworks.Xor231(seed: 3);
        Step(net);
        var neuron = net.NeuronEntity(1, 2);
        net.World.Add<Frozen>(neuron);
        var frozen = net.GetBias(1, 2);
        var other = net.GetBias(1, 0);

        Step(net);
        Assert.Equal(frozen, net.GetBias(1, 2));
        Assert.NotEqual(other, net.GetBias(1, 0));

        net.World.Remove<Frozen>(neuron);
        Step(net);
        Assert.NotEqual(frozen, net.GetBias(1, 2));
    }

    [Fact]
    public void ABiasGivenToANeuronBuiltWithoutOneIsUsedByTheNextPass()
    {
        using var net = new NetworkBuilder().Input(2).Dense(3, ActivationFunction.Sigmoid, bias: false)
            .Dense(1, ActivationFunction.Sigmoid).Build(seed: 4);
        net.Predict([1f, 0f]);
        var z = net.Value(NeuronValue.NetInput, 1, 1);

        var neuron = net.NeuronEntity(1, 1);
        net.World.Add(neuron, new Bias { Value = 0.25f });
        net.World.Add(neuron, new BiasGradient());
        net.World.Add(neuron, new OptimizerState());
        net.Predict([1f, 0f]);

        // z = Σ w a + b, computed by hand from the first pass's z.
        Assert.Equal(z + 0.25f, net.Value(NeuronValue.NetInput, 1, 1), 6);
        Assert.Equal(net.Value(NeuronValue.Activation, 1, 1), net.World.Get<Activation>(net.NeuronEntity(1, 1)).Value);
    }

    private static void Step(Network net)
    {
        net.LoadBatch(TestNetworks.XorInputs, TestNetworks.XorTargets, 4);
        net.TrainStep(Optimizer.Sgd, 0.5f);
    }
}
