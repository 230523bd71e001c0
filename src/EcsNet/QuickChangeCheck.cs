using EcsNet.Components;

namespace EcsNet;

/// <summary>
/// One cheap look that tells the network nothing its caches are built from can have changed: no entity of the world
/// was created, destroyed or moved, and no <see cref="Synapse"/>, <see cref="Neuron"/> or <see cref="Layer"/> was
/// rewritten with <c>World.Set</c>. Then a step skips the detailed <see cref="StructureWatch{T}"/> checks, whose
/// query lookups are most of a tiny network's step.
/// </summary>
/// <remarks>Arch keeps no versions, so there the check never vouches and the watches always decide.</remarks>
internal sealed class QuickChangeCheck
{
#if ECS_ARCH
    /// <summary>Never vouches: the detailed watches decide.</summary>
    public bool Unchanged(World world) => false;

    /// <summary>Nothing to remember.</summary>
    public void Record(World world)
    {
    }
#else
    private long _structure = -1;
    private long _synapses;
    private long _neurons;
    private long _layers;

    /// <summary>Whether nothing has changed since the last <see cref="Record"/>.</summary>
    public bool Unchanged(World world)
        => world.GetStructureVersion() == _structure && world.GetSetVersion<Synapse>() == _synapses
           && world.GetSetVersion<Neuron>() == _neurons && world.GetSetVersion<Layer>() == _layers;

    /// <summary>Remembers the world as it is now.</summary>
    public void Record(World world)
    {
        _structure = world.GetStructureVersion();
        _synapses = world.GetSetVersion<Synapse>();
        _neurons = world.GetSetVersion<Neuron>();
        _layers = world.GetSetVersion<Layer>();
    }
#endif
}
