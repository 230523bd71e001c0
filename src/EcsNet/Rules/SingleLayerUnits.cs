using EcsNet.ActivationFunctions;
using EcsNet.Components;
using EcsNet.Data;

namespace EcsNet.Rules;

/// <summary>
/// What the single-unit rules share: the check that a network is one layer of units fed by the inputs, the forward
/// pass that gives their outputs o, and the update w_i ← w_i + Δw_i applied through the synapse entities.
/// </summary>
internal static class SingleLayerUnits
{
    /// <summary>Refuses a network that is not one layer of units fed by the inputs, data that does not fit it, a unit
    /// the rule does not accept, or an η that is not a finite number &gt; 0.</summary>
    public static void Check(Network network, DataSet data, string rule, string unit, Func<IActivationFunction, bool> accepts, float learningRate)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(data);
        if (network.Layers.Count != 2)
        {
            throw new ArgumentException(
                $"the {rule} trains single units: the network must be inputs and one layer of units, not {network.Layers.Count} layers", nameof(network));
        }

        var activation = network.OutputLayer.Function!;
        if (!accepts(activation))
        {
            throw new ArgumentException($"the {rule} trains {unit} units; this layer is {activation.Name}", nameof(network));
        }

        data.CheckFits(network);

        if (!(learningRate > 0) || !float.IsFinite(learningRate))
        {
            throw new ArgumentOutOfRangeException(nameof(learningRate), learningRate, "the learning rate η must be a finite number > 0");
        }
    }

    /// <summary>Feeds one input forward and returns o (the network's output buffer, valid until the next pass).</summary>
    public static ReadOnlySpan<float> Output(Network network, ReadOnlySpan<float> input)
    {
        network.LoadBatch(input, [], 1);
        network.Forward();
        return network.Outputs;
    }

    /// <summary>
    /// w_ji += <paramref name="step"/>(j, k) on every trainable synapse k → j and b_j += <paramref name="biasStep"/>(j)
    /// on every unit that has a bias: the "input" of the bias is x_0 = 1. As in the optimisers, a
    /// <see cref="Frozen"/> unit keeps its bias while its weights still learn.
    /// </summary>
    public static void Update(Network network, Func<int, int, double> step, Func<int, double> biasStep)
    {
        var output = network.OutputLayer.FirstSlot;
        foreach (ref var chunk in network.World.Query(in NetworkQueries.UnfrozenWeights))
        {
            chunk.GetSpan<Synapse, Weight>(out var synapses, out var weights);
            for (var r = 0; r < chunk.Count; r++)
            {
                // Input neurons occupy slots 0..n₀−1, so a source slot is the input index k.
                ref var w = ref weights[r].Value;
                w = (float)(w + step(synapses[r].Target - output, synapses[r].Source));
            }
        }

        for (var j = 0; network.OutputLayer.HasBias && j < network.OutputSize; j++)
        {
            var unit = network.NeuronEntity(1, j);
            if (network.World.Has<Frozen>(unit))
            {
                continue;
            }

            ref var b = ref network.World.Get<Bias>(unit).Value;
            b = (float)(b + biasStep(j));
        }
    }
}
