using EcsNet.Components;

namespace EcsNet;

public sealed partial class Network
{
    private long _topologyVersion;

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

        var entity = World.Create(synapse, new Weight { Value = weight }, new WeightGradient(), new OptimizerState());
        InvalidateTopology();
        return entity;
    }

    /// <summary>Whether a synapse with these ends exists: one scan of the synapse columns, no index to keep up to date.</summary>
    private bool Connected(Synapse wanted)
    {
        foreach (ref var chunk in World.Query(in SynapseQuery))
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

    /// <summary>Destroys a synapse entity (pruning); training goes on without it.</summary>
    public void Disconnect(Entity synapse)
    {
        if (!World.IsAlive(synapse) || !World.Has<Synapse>(synapse))
        {
            throw new ArgumentException($"entity {synapse.Id} is not a live synapse of this network", nameof(synapse));
        }

        World.Destroy(synapse);
        InvalidateTopology();
    }

    /// <summary>
    /// Tells the passes that synapses moved in storage: call it after destroying synapses or adding/removing their
    /// components directly on <see cref="World"/>. (Most such changes are noticed without it, by the chunk row counts.)
    /// </summary>
    public void InvalidateTopology() => _topologyVersion++;

    /// <summary>The plan for the current topology, rebuilt if synapses were created, destroyed or moved.</summary>
    internal SynapsePlan EnsurePlan()
    {
        if (Plan.Version != _topologyVersion || !Plan.Matches(World))
        {
            Plan.Rebuild(World, _layerOfSlot, _layers.Length, _topologyVersion);
        }

        return Plan;
    }

    /// <summary>Every synapse as (entity, from, to, weight, gradient), in storage order.</summary>
    public IReadOnlyList<SynapseInfo> Synapses()
    {
        var list = new List<SynapseInfo>();
        foreach (ref var chunk in World.Query(in SynapseQuery))
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
