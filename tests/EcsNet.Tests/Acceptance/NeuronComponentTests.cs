using EcsNet.ActivationFunctions;
using EcsNet.Components;

namespace EcsNet.Tests.Acceptance;

/// <summary>
/// <see cref="Mask"/> and <see cref="OwnFunction"/> act on neurons that compute a_j = f(z_j); an input neuron only
/// passes x_k on, so either component on it would be silently ignored: the pass refuses it instead.
/// </summary>
public sealed class NeuronComponentTests
{
    [Fact]
    public void AMaskOnAnInputNeuronIsRefusedNotIgnored()
    {
        using var net = TestNetworks.Xor231(seed: 1);
        net.World.Add(net.NeuronEntity(0, 1), new Mask { Value = 0f });
        var error = Assert.Throws<InvalidOperationException>(() => net.Predict([1f, 1f]));
        Assert.Contains("input neuron 1", error.Message);
    }

    [Fact]
    public void AnOwnActivationOnAnInputNeuronIsRefusedNotIgnored()
    {
        using var net = TestNetworks.Xor231(seed: 1);
        net.World.Add(net.NeuronEntity(0, 0), OwnFunction.Of(ActivationFunction.Tanh));
        var error = Assert.Throws<InvalidOperationException>(() => net.Predict([1f, 1f]));
        Assert.Contains("input neuron 0", error.Message);
    }
}
