using EcsNet.Components;

namespace EcsNet;

public sealed partial class Network
{
    private readonly StructureWatch<Synapse> _synapseWatch = new(NetworkQueries.Synapses);
    private readonly StructureWatch<Neuron> _neuronWatch = new(NetworkQueries.Neurons);
    private readonly StructureWatch<Layer> _layerWatch = new(NetworkQueries.Layers);
    private readonly QuickChangeCheck _anyChange = new();

    /// <summary>
    /// Adds the synapse k → j from neuron <paramref name="fromIndex"/> of layer <paramref name="fromLayer"/> to neuron
    /// <paramref name="toIndex"/> of a later layer <paramref name="toLayer"/>, and returns its entity.
    /// </summary>
    public Entity Connect(int fromLayer, int fromIndex, int toLayer, int toIndex, float weight)
    {
        if (toLayer <= fromLayer)
        {
            throw new ArgumentException($"a synapse must go forward: layer {fromLayer} → layer {toLayer}");
        }

        if (toLayer == 0)
        {
            throw new ArgumentException("the input layer takes no synapses");
        }

        if (!float.IsFinite(weight))
        {
            throw new ArgumentException($"weight {weight} is not finite", nameof(weight));
        }

        var synapse = new Synapse { Source = Slot(fromLayer, fromIndex), Target = Slot(toLayer, toIndex) };
        if (Connected(synapse))
        {
            throw new ArgumentException($"neurons ({fromLayer},{fromIndex}) and ({toLayer},{toIndex}) are already connected");
        }

        return World.Create(synapse, new Weight { Value = weight }, new WeightGradient(), new OptimizerState());
    }

    /// <summary>Whether a synapse with these ends exists: one scan of the synapse columns, no index to keep up to date.</summary>
    private bool Connected(Synapse wanted)
    {
        foreach (ref var chunk in World.Query(in NetworkQueries.Synapses))
        {
            foreach (var s in chunk.GetSpan<Synapse>()[..chunk.Count])
            {
                if (s.Source == wanted.Source && s.Target == wanted.Target)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Destroys a synapse entity (pruning); training goes on without it (the same as <c>World.Destroy</c>).</summary>
    public void Disconnect(Entity synapse)
    {
        if (!World.IsAlive(synapse) || !World.Has<Synapse>(synapse))
        {
            throw new ArgumentException($"entity {synapse.Id} is not a live synapse of this network", nameof(synapse));
        }

        World.Destroy(synapse);
    }

    /// <summary>
    /// The plan for the current synapses, rebuilt after any structural change to them made through any API (a synapse
    /// created, destroyed, moved by an <c>Add</c> or <c>Remove</c>, or rewired with <c>World.Set</c>), so no pass ever
    /// runs on a stale layout and nobody has to announce a change.
    /// </summary>
    internal SynapsePlan EnsurePlan() => CurrentStructure().Plan;

    /// <summary>
    /// The structure the passes need, brought up to date first: the layers and neurons are checked, the neuron facts
    /// and the synapse plan rebuilt, each only when its own watch saw a change. One cheap look first tells that nothing
    /// at all changed, which is every step of a network nobody edits.
    /// </summary>
    internal NetworkStructure CurrentStructure()
    {
        if (_anyChange.Unchanged(World))
        {
            return _structure;
        }

        if (!_layerWatch.Unchanged(World))
        {
            CheckLayers();
            _layerWatch.Record(World);
        }

        if (!_neuronWatch.Unchanged(World))
        {
            CheckNeurons();
            _structure.RefreshNeurons(this);
            _neuronWatch.Record(World);
        }

        if (!_synapseWatch.Unchanged(World))
        {
            _structure.RefreshSynapses(World, _layerOfSlot, _layers.Length);
            _synapseWatch.Record(World);
        }

        _anyChange.Record(World);
        return _structure;
    }

    /// <summary>A layer's index, size and slots fix the batch buffers' layout: its entity and component must stay as built.</summary>
    private void CheckLayers()
    {
        foreach (var layer in _layers)
        {
            if (!World.IsAlive(layer.Entity) || !World.Has<Layer>(layer.Entity))
            {
                throw new InvalidOperationException($"the entity of layer {layer.Index} was destroyed or lost its Layer component; layers are fixed when the network is built");
            }

            var component = World.Get<Layer>(layer.Entity);
            if (component.Index != layer.Index || component.Size != layer.Size || component.FirstSlot != layer.FirstSlot)
            {
                throw new InvalidOperationException(
                    $"the Layer component of layer {layer.Index} was changed (index {component.Index}, size {component.Size}, first slot {component.FirstSlot}); a layer's index, size and slots are fixed when the network is built");
            }
        }

        var count = World.CountEntities(in NetworkQueries.Layers);
        if (count != _layers.Length)
        {
            throw new InvalidOperationException($"the world has {count} Layer entities but the network has {_layers.Length}; layers cannot be added to a built network");
        }
    }

    /// <summary>Neurons have fixed slots the batch buffers are laid out by: they may gain and lose components, never go.</summary>
    private void CheckNeurons()
    {
        var count = World.CountEntities(in NetworkQueries.Neurons);
        for (var slot = 0; slot < _neuronEntities.Length; slot++)
        {
            var entity = _neuronEntities[slot];
            if (!World.IsAlive(entity) || !World.Has<Neuron>(entity))
            {
                var (layer, index) = Position(slot);
                throw new InvalidOperationException(
                    $"neuron {index} of layer {layer} was destroyed or lost its Neuron component; neurons cannot be removed (disconnect their synapses instead)");
            }

            if (World.Get<Neuron>(entity).Slot != slot)
            {
                throw new InvalidOperationException($"the Neuron component of slot {slot} was changed; a neuron's layer, index and slot are fixed");
            }
        }

        if (count != _neuronEntities.Length)
        {
            throw new InvalidOperationException($"the world has {count} Neuron entities but the network has {_neuronEntities.Length}; neurons cannot be added to a built network");
        }

        if (World.CountEntities(in NetworkQueries.BiasedNeurons) != World.CountEntities(in NetworkQueries.Biases))
        {
            throw new InvalidOperationException("a neuron has a Bias but no BiasGradient or OptimizerState; a trainable bias needs all three");
        }
    }

    /// <summary>Every synapse as (entity, from, to, weight, gradient), in storage order.</summary>
    public IReadOnlyList<SynapseInfo> Synapses()
    {
        var list = new List<SynapseInfo>();
        foreach (ref var chunk in World.Query(in NetworkQueries.Synapses))
        {
            chunk.GetSpan<Synapse, Weight, WeightGradient>(out var synapses, out var weights, out var gradients);
            for (var r = 0; r < chunk.Count; r++)
            {
                var (fl, fi) = Position(synapses[r].Source);
                var (tl, ti) = Position(synapses[r].Target);
                list.Add(new SynapseInfo(chunk.Entity(r), fl, fi, tl, ti, weights[r].Value, gradients[r].Value));
            }
        }

        return list;
    }
}

/// <summary>A snapshot of one synapse k → j: its entity, its ends (layer, index), w_jk and the accumulated ∂C/∂w_jk.</summary>
public readonly record struct SynapseInfo(Entity Entity, int FromLayer, int FromIndex, int ToLayer, int ToIndex, float Weight, float Gradient);
