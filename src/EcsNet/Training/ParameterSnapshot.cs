using System.Runtime.InteropServices;
using EcsNet.Components;

namespace EcsNet.Training;

/// <summary>
/// A copy of every weight, bias and optimiser state, keyed by entity, so training can roll back to a good epoch
/// whatever was edited since: values go back to the same synapse and neuron they were taken from, never to whichever
/// row now sits where they were stored.
/// </summary>
/// <remarks>
/// A synapse destroyed after the capture cannot come back (its handle is stale); <see cref="Restore"/> names it. A
/// synapse created after the capture is kept with its current weight and state. Neurons are never destroyed.
/// </remarks>
internal sealed class ParameterSnapshot
{
    private readonly List<Entity> _synapses = [];
    private readonly List<Synapse> _ends = [];
    private readonly List<float> _weights = [];
    private readonly List<OptimizerState> _weightStates = [];
    private readonly List<Entity> _neurons = [];
    private readonly List<float> _biases = [];
    private readonly List<OptimizerState> _biasStates = [];
    private readonly Dictionary<Entity, int> _index = [];
    private long _updates;
    private Network? _network;
    private long _generation = -1;

    /// <summary>Copies every weight, bias and optimiser state of <paramref name="network"/>.</summary>
    public void Capture(Network network)
    {
        // Training captures after every epoch. While no neuron or synapse has moved since the last capture, the same
        // rows come in the same order, so only the values are copied again: on a 4-sample XOR epoch, relisting the
        // entities and rebuilding the entity index cost more than the epoch's steps.
        var structure = network.CurrentStructure();
        if (!ReferenceEquals(network, _network) || structure.Generation != _generation)
        {
            _network = network;
            _generation = structure.Generation;
            ListRows(structure);
        }

        CopyValues(network, structure);
    }

    /// <summary>
    /// Which entities hold the parameters, in the order of the structure's cached weight and bias chunks (the order
    /// <see cref="CopyValues"/> walks); sizes the value lists.
    /// </summary>
    private void ListRows(NetworkStructure structure)
    {
        _synapses.Clear();
        _ends.Clear();
        _neurons.Clear();
        _index.Clear();
        foreach (ref var chunk in structure.Plan.Chunks.AsSpan())
        {
            var ends = chunk.GetSpan<Synapse>();
            for (var r = 0; r < chunk.Count; r++)
            {
                _synapses.Add(chunk.Entity(r));
                _ends.Add(ends[r]);
            }
        }

        foreach (ref var chunk in structure.Neurons(NeuronSet.Biases))
        {
            for (var r = 0; r < chunk.Count; r++)
            {
                _neurons.Add(chunk.Entity(r));
            }
        }

        CollectionsMarshal.SetCount(_weights, _synapses.Count);
        CollectionsMarshal.SetCount(_weightStates, _synapses.Count);
        CollectionsMarshal.SetCount(_biases, _neurons.Count);
        CollectionsMarshal.SetCount(_biasStates, _neurons.Count);
    }

    /// <summary>The values of the rows <see cref="ListRows"/> listed, which are still the same entities in the same order.</summary>
    private void CopyValues(Network network, NetworkStructure structure)
    {
        var weights = CollectionsMarshal.AsSpan(_weights);
        var weightStates = CollectionsMarshal.AsSpan(_weightStates);
        var i = 0;
        foreach (ref var chunk in structure.Plan.Chunks.AsSpan())
        {
            chunk.GetSpan<Weight, OptimizerState>(out var w, out var s);
            for (var r = 0; r < chunk.Count; r++, i++)
            {
                weights[i] = w[r].Value;
                weightStates[i] = s[r];
            }
        }

        var biases = CollectionsMarshal.AsSpan(_biases);
        var biasStates = CollectionsMarshal.AsSpan(_biasStates);
        i = 0;
        foreach (ref var chunk in structure.Neurons(NeuronSet.Biases))
        {
            chunk.GetSpan<Bias, OptimizerState>(out var b, out var s);
            for (var r = 0; r < chunk.Count; r++, i++)
            {
                biases[i] = b[r].Value;
                biasStates[i] = s[r];
            }
        }

        _updates = network.UpdateCount;
    }

    /// <summary>Puts every captured value back on its entity; never throws on an edited network.</summary>
    public RestoreReport Restore(Network network)
    {
        var world = network.World;
        if (_index.Count == 0)
        {
            for (var i = 0; i < _synapses.Count; i++)
            {
                _index[_synapses[i]] = i;
            }
        }

        var restored = new bool[_synapses.Count];
        var created = 0;
        foreach (ref var chunk in world.Query(in NetworkQueries.Weights))
        {
            chunk.GetSpan<Weight, OptimizerState>(out var w, out var s);
            for (var r = 0; r < chunk.Count; r++)
            {
                if (_index.TryGetValue(chunk.Entity(r), out var i))
                {
                    w[r].Value = _weights[i];
                    s[r] = _weightStates[i];
                    restored[i] = true;
                }
                else
                {
                    created++;
                }
            }
        }

        var lost = new List<string>();
        for (var i = 0; i < restored.Length; i++)
        {
            if (!restored[i])
            {
                var (fl, fi) = network.Position(_ends[i].Source);
                var (tl, ti) = network.Position(_ends[i].Target);
                lost.Add($"({fl},{fi})→({tl},{ti})");
            }
        }

        for (var i = 0; i < _neurons.Count; i++)
        {
            // A neuron that lost its bias since the capture has nothing to restore.
            if (world.IsAlive(_neurons[i]) && world.Has<Bias>(_neurons[i]) && world.Has<OptimizerState>(_neurons[i]))
            {
                world.Get<Bias>(_neurons[i]).Value = _biases[i];
                world.Get<OptimizerState>(_neurons[i]) = _biasStates[i];
            }
        }

        network.UpdateCount = _updates;
        return new RestoreReport(lost, created);
    }
}

/// <summary>What a restore could not put back: synapses destroyed since the capture, and how many are newer than it.</summary>
internal sealed record RestoreReport(IReadOnlyList<string> Removed, int Created)
{
    /// <summary>A clause for the stop message, or empty when the topology did not change.</summary>
    public string Describe()
    {
        var parts = new List<string>();
        if (Removed.Count > 0)
        {
            var shown = string.Join(", ", Removed.Take(10)) + (Removed.Count > 10 ? $" and {Removed.Count - 10} more" : "");
            parts.Add($"{Removed.Count} {(Removed.Count == 1 ? "synapse" : "synapses")} removed since then stayed removed: {shown}");
        }

        if (Created > 0)
        {
            parts.Add($"{Created} {(Created == 1 ? "synapse" : "synapses")} created since then kept {(Created == 1 ? "its" : "their")} current weights");
        }

        return parts.Count == 0 ? "" : "; " + string.Join("; ", parts);
    }
}
