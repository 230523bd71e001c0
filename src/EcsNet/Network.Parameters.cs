using EcsNet.Components;

namespace EcsNet;

public sealed partial class Network
{
    /// <summary>
    /// Every trainable parameter, weights first (in storage order), then biases: the one list of parameters, as
    /// micrograd's <c>parameters()</c>. It walks <see cref="NetworkQueries.Weights"/> and <see cref="NetworkQueries.Biases"/>,
    /// the same queries the update, the snapshots and the finiteness check walk. A copy: edit values through the
    /// entities' components.
    /// </summary>
    public IReadOnlyList<Parameter> Parameters()
    {
        var list = new List<Parameter>();
        foreach (ref var chunk in World.Query(in NetworkQueries.Weights))
        {
            chunk.GetSpan<Synapse, Weight, WeightGradient>(out var synapses, out var weights, out var gradients);
            for (var r = 0; r < chunk.Count; r++)
            {
                var (sourceLayer, source) = Position(synapses[r].Source);
                var (layer, index) = Position(synapses[r].Target);
                list.Add(new Parameter(chunk.Entity(r), IsWeight: true, layer, index, source, sourceLayer, weights[r].Value, gradients[r].Value));
            }
        }

        foreach (ref var chunk in World.Query(in NetworkQueries.Biases))
        {
            chunk.GetSpan<Neuron, Bias, BiasGradient>(out var neurons, out var biases, out var gradients);
            for (var r = 0; r < chunk.Count; r++)
            {
                list.Add(new Parameter(chunk.Entity(r), IsWeight: false, neurons[r].Layer, neurons[r].Index, -1, -1, biases[r].Value, gradients[r].Value));
            }
        }

        return list;
    }

    /// <summary>Zeroes every accumulated gradient without updating (e.g. after a batch whose cost was not finite).</summary>
    public void DiscardGradients()
    {
        foreach (ref var chunk in World.Query(in NetworkQueries.Weights))
        {
            chunk.GetSpan<WeightGradient>()[..chunk.Count].Clear();
        }

        foreach (ref var chunk in World.Query(in NetworkQueries.Biases))
        {
            chunk.GetSpan<BiasGradient>()[..chunk.Count].Clear();
        }

        _accumulatedSamples = 0;
    }

    /// <summary>True when every weight and bias is a finite number.</summary>
    public bool ParametersAreFinite()
    {
        // The trainer asks after every epoch: the structure's cached chunks spare the two query lookups, which on a
        // 4-sample epoch cost more than reading the parameters.
        var structure = CurrentStructure();
        foreach (ref var chunk in structure.Plan.Chunks.AsSpan())
        {
            foreach (var w in chunk.GetSpan<Weight>()[..chunk.Count])
            {
                if (!float.IsFinite(w.Value))
                {
                    return false;
                }
            }
        }

        foreach (ref var chunk in structure.Neurons(NeuronSet.Biases))
        {
            foreach (var b in chunk.GetSpan<Bias>()[..chunk.Count])
            {
                if (!float.IsFinite(b.Value))
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>b_j^l of neuron <paramref name="index"/> in layer <paramref name="layer"/> (layer ≥ 1).</summary>
    /// <exception cref="InvalidOperationException">The layer has no biases.</exception>
    public float GetBias(int layer, int index) => World.Get<Bias>(BiasedNeuron(layer, index)).Value;

    /// <summary>Sets b_j^l.</summary>
    /// <exception cref="InvalidOperationException">The layer has no biases.</exception>
    public void SetBias(int layer, int index, float value) => World.Set(BiasedNeuron(layer, index), new Bias { Value = value });

    /// <summary>Tags every neuron that has a bias <see cref="Frozen"/>: training keeps the biases as they are (Mazur's
    /// "total error after the first round" is computed so). <see cref="ThawBiases"/> undoes it.</summary>
    public void FreezeBiases()
    {
        foreach (var layer in _layers)
        {
            for (var j = 0; layer.HasBias && j < layer.Size; j++)
            {
                var neuron = NeuronEntity(layer.Index, j);
                if (!World.Has<Frozen>(neuron))
                {
                    World.Add<Frozen>(neuron);
                }
            }
        }
    }

    /// <summary>Removes the <see cref="Frozen"/> tag from every neuron.</summary>
    public void ThawBiases()
    {
        foreach (var neuron in _neuronEntities)
        {
            if (World.Has<Frozen>(neuron))
            {
                World.Remove<Frozen>(neuron);
            }
        }
    }

    private Entity BiasedNeuron(int layer, int index)
    {
        var neuron = NeuronEntity(layer, index);
        return _layers[layer].HasBias
            ? neuron
            : throw new InvalidOperationException($"layer {layer} has no biases (it was built without them)");
    }
}
