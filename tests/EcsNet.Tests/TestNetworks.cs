using EcsNet.ActivationFunctions;
using EcsNet.Training;

namespace EcsNet.Tests;

/// <summary>Helpers shared by the tests of every folder: hand-built networks and parameter snapshots.</summary>
internal static class TestNetworks
{
    /// <summary>The four inputs of a two-input gate, in the decks' table order (0,0), (0,1), (1,0), (1,1).</summary>
    public static readonly float[][] GateInputs = [[0, 0], [0, 1], [1, 0], [1, 1]];

    /// <summary>The four XOR samples as one batch, sample-major: inputs (0,0), (0,1), (1,0), (1,1).</summary>
    public static readonly float[] XorInputs = [0f, 0f, 0f, 1f, 1f, 0f, 1f, 1f];

    /// <summary>The XOR targets of <see cref="XorInputs"/>.</summary>
    public static readonly float[] XorTargets = [0f, 1f, 1f, 0f];

    /// <summary>A 2-3-1 sigmoid network with N(0, 1) weights and biases.</summary>
    public static Network Xor231(long seed) => new NetworkBuilder()
        .Input(2)
        .Dense(3, ActivationFunction.Sigmoid)
        .Dense(1, ActivationFunction.Sigmoid)
        .Build(Initializer.Gaussian, seed);

    /// <summary>Every synapse's weight keyed by its ends, so two networks can be compared whatever their storage order.</summary>
    public static SortedDictionary<(int, int, int, int), float> WeightsByEnds(Network network)
    {
        var map = new SortedDictionary<(int, int, int, int), float>();
        foreach (var s in network.Synapses())
        {
            map.Add((s.FromLayer, s.FromIndex, s.ToLayer, s.ToIndex), s.Weight);
        }

        return map;
    }

    /// <summary>Every bias b_j^l, layer by layer.</summary>
    public static float[] Biases(Network network)
    {
        var list = new List<float>();
        for (var l = 1; l < network.Layers.Count; l++)
        {
            for (var j = 0; j < network.Layers[l].Size; j++)
            {
                list.Add(network.GetBias(l, j));
            }
        }

        return [.. list];
    }

    /// <summary>The single output a^L for one input.</summary>
    public static float Output(Network network, params float[] input) => network.Predict(input)[0];

    /// <summary>Asserts two networks have the same synapses with bit-identical weights and bit-identical biases.</summary>
    public static void AssertBitIdentical(Network expected, Network actual)
    {
        var e = WeightsByEnds(expected);
        var a = WeightsByEnds(actual);
        Assert.Equal(e.Keys, a.Keys);
        foreach (var (ends, w) in e)
        {
            Assert.True(BitConverter.SingleToInt32Bits(w) == BitConverter.SingleToInt32Bits(a[ends]), $"weight {ends}: {w:R} vs {a[ends]:R}");
        }

        var eb = Biases(expected);
        var ab = Biases(actual);
        Assert.Equal(eb.Length, ab.Length);
        for (var i = 0; i < eb.Length; i++)
        {
            Assert.True(BitConverter.SingleToInt32Bits(eb[i]) == BitConverter.SingleToInt32Bits(ab[i]), $"bias {i}: {eb[i]:R} vs {ab[i]:R}");
        }
    }
}
