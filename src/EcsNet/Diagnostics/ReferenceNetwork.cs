using EcsNet.ActivationFunctions;
using EcsNet.Components;
using EcsNet.Costs;
using EcsNet.Data;

namespace EcsNet.Diagnostics;

/// <summary>
/// A double-precision copy of a network read from its entities (biases from the neurons' <see cref="Bias"/>, weights
/// and wiring from the synapses' <see cref="Synapse"/> and <see cref="Weight"/>), with its own forward pass and cost.
/// The gradient check perturbs this copy, never the network, so nothing has to be restored. User-supplied activations
/// and costs, which have only float methods, are linearised around each sample's unperturbed pass
/// (<see cref="LinearizedLayer"/>, <see cref="LinearizedCost"/>).
/// </summary>
internal sealed class ReferenceNetwork
{
    private readonly int[] _firstSlot;
    private readonly int[] _size;
    private readonly IActivationFunction[] _activations;
    private readonly int[] _synapseStart;
    private readonly int[] _source;
    private readonly int[] _target;
    private readonly ICost _cost;
    private readonly double[][] _baseActivations;
    private readonly double[][] _targets;
    private readonly double[] _work;
    private readonly double[] _z;
    private readonly LinearizedLayer?[][] _layerModels;
    private readonly LinearizedCost?[] _costModels;

    private ReferenceNetwork(Network network, List<SynapseRecord> synapses, DataSet data, ReadOnlySpan<int> samples)
    {
        var layers = network.Layers;
        var count = layers.Count;
        _firstSlot = new int[count];
        _size = new int[count];
        _activations = new IActivationFunction[count];
        for (var l = 0; l < count; l++)
        {
            _firstSlot[l] = layers[l].FirstSlot;
            _size[l] = layers[l].Size;
            _activations[l] = layers[l].Function!;
        }

        // Grouped by target layer (stable), so one layer's sums can be formed once every earlier layer is final.
        var ordered = synapses.OrderBy(s => s.Layer).ToArray();
        Synapses = ordered;
        _source = ordered.Select(s => s.Source).ToArray();
        _target = ordered.Select(s => s.Target).ToArray();
        Weights = ordered.Select(s => (double)s.Weight).ToArray();
        _synapseStart = new int[count + 1];
        foreach (var s in ordered)
        {
            _synapseStart[s.Layer + 1]++;
        }

        for (var l = 0; l < count; l++)
        {
            _synapseStart[l + 1] += _synapseStart[l];
        }

        Biases = new double[network.NeuronCount];
        _cost = network.Cost;
        _work = new double[network.NeuronCount];
        _z = new double[network.NeuronCount];
        _baseActivations = new double[samples.Length][];
        _targets = new double[samples.Length][];
        _layerModels = new LinearizedLayer?[samples.Length][];
        _costModels = new LinearizedCost?[samples.Length];
        for (var s = 0; s < samples.Length; s++)
        {
            var a = new double[network.NeuronCount];
            var x = data.Input(samples[s]);
            for (var k = 0; k < x.Length; k++)
            {
                a[_firstSlot[0] + k] = x[k];
            }

            _baseActivations[s] = a;
            _layerModels[s] = new LinearizedLayer?[count];
            var y = data.Target(samples[s]);
            _targets[s] = new double[y.Length];
            for (var j = 0; j < y.Length; j++)
            {
                _targets[s][j] = y[j];
            }
        }
    }

    /// <summary>The synapses as read, grouped by target layer; index i matches <see cref="Weights"/>[i].</summary>
    public SynapseRecord[] Synapses { get; }

    /// <summary>w of every synapse in <see cref="Synapses"/> order; perturb an entry, then put it back.</summary>
    public double[] Weights { get; }

    /// <summary>b of every neuron slot (0 for inputs); perturb an entry, then put it back.</summary>
    public double[] Biases { get; }

    /// <summary>
    /// Reads the network's parameters and the accumulated gradients from its entities. <paramref name="biases"/>
    /// receives every biased neuron as (entity, layer, index, slot, backprop gradient).
    /// </summary>
    public static ReferenceNetwork Capture(Network network, DataSet data, ReadOnlySpan<int> samples, List<BiasRecord> biases)
    {
        var layerOfSlot = network.LayerOfSlot;
        var synapses = new List<SynapseRecord>(network.SynapseCount);
        foreach (ref var chunk in network.World.Query(in NetworkQueries.Weights))
        {
            chunk.GetSpan<Synapse, Weight, WeightGradient>(out var wiring, out var weights, out var gradients);
            for (var r = 0; r < chunk.Count; r++)
            {
                var s = wiring[r];
                synapses.Add(new SynapseRecord(chunk.Entity(r), s.Source, s.Target, layerOfSlot[s.Target], weights[r].Value, gradients[r].Value));
            }
        }

        var reference = new ReferenceNetwork(network, synapses, data, samples);
        foreach (ref var chunk in network.World.Query(in NetworkQueries.Biases))
        {
            chunk.GetSpan<Neuron, Bias, BiasGradient>(out var neurons, out var values, out var gradients);
            for (var r = 0; r < chunk.Count; r++)
            {
                var n = neurons[r];
                reference.Biases[n.Slot] = values[r].Value;
                biases.Add(new BiasRecord(chunk.Entity(r), n.Layer, n.Index, n.Slot, gradients[r].Value));
            }
        }

        // The unperturbed activations of every sample (a perturbation in layer l only recomputes layers l..L), and
        // the linear models of user-supplied functions around them.
        for (var s = 0; s < samples.Length; s++)
        {
            reference.Forward(s, reference._baseActivations[s], 1, linearise: true);
            if (!ReferenceCost.IsExact(reference._cost))
            {
                reference._costModels[s] = LinearizedCost.Build(reference._cost, reference.Outputs(reference._baseActivations[s]), reference._targets[s]);
            }
        }

        return reference;
    }

    /// <summary>Σ_x C_x over the samples with the current <see cref="Weights"/> and <see cref="Biases"/>, recomputing
    /// layers <paramref name="fromLayer"/>..L only (the caller perturbed nothing earlier).</summary>
    public double TotalCost(int fromLayer)
    {
        var total = 0.0;
        for (var s = 0; s < _baseActivations.Length; s++)
        {
            _baseActivations[s].CopyTo(_work, 0);
            Forward(s, _work, fromLayer, linearise: false);
            total += _costModels[s] is { } model ? model.Evaluate(Outputs(_work)) : ReferenceCost.Evaluate(_cost, Outputs(_work), _targets[s]);
        }

        return total;
    }

    private ReadOnlySpan<double> Outputs(double[] a) => a.AsSpan(_firstSlot[^1], _size[^1]);

    private void Forward(int sample, double[] a, int fromLayer, bool linearise)
    {
        for (var l = fromLayer; l < _firstSlot.Length; l++)
        {
            var first = _firstSlot[l];
            var size = _size[l];
            Biases.AsSpan(first, size).CopyTo(_z.AsSpan(first, size));
            for (var i = _synapseStart[l]; i < _synapseStart[l + 1]; i++)
            {
                _z[_target[i]] += Weights[i] * a[_source[i]];
            }

            var f = _activations[l];
            var z = _z.AsSpan(first, size);
            if (ReferenceActivationFunction.IsExact(f))
            {
                ReferenceActivationFunction.Forward(f, z, a.AsSpan(first, size));
                continue;
            }

            if (linearise)
            {
                _layerModels[sample][l] = LinearizedLayer.Build(f, z);
            }

            _layerModels[sample][l]!.Forward(z, a.AsSpan(first, size));
        }
    }
}

/// <summary>A synapse as read for the gradient check: entity, slots, target layer, w and the backprop ∂C/∂w.</summary>
internal readonly record struct SynapseRecord(Entity Entity, int Source, int Target, int Layer, float Weight, float Gradient);

/// <summary>A biased neuron as read for the gradient check: entity, position, slot and the backprop ∂C/∂b.</summary>
internal readonly record struct BiasRecord(Entity Entity, int Layer, int Index, int Slot, float Gradient);
