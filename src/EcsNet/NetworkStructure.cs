namespace EcsNet;

/// <summary>
/// What the passes need to know about the network's structure, derived from the world and kept until it changes: the
/// synapse plan, which layers have neurons with their own function or a mask, whether any synapse has its own update
/// rule, and the chunks of the neuron queries every pass walks. <see cref="Network.CurrentStructure"/> brings it up to
/// date and hands it to a pass; within one built-in pass no user code runs, so it stays current for the whole pass.
/// </summary>
internal sealed class NetworkStructure
{
    private readonly bool[] _overriddenLayers;

    // Indexed by NeuronSet.
    private readonly ChunkCache[] _neuronChunks =
    [
        new(NetworkQueries.BiasedNeurons), new(NetworkQueries.Biases), new(NetworkQueries.TrainableBiases),
        new(NetworkQueries.NeuronActivationsAndNetInputs), new(NetworkQueries.NeuronActivationsOnly),
        new(NetworkQueries.NeuronNetInputsOnly), new(NetworkQueries.NeuronDeltas),
    ];

    internal NetworkStructure(int layers) => _overriddenLayers = new bool[layers];

    /// <summary>Grows with every refresh: equal numbers mean the neurons and synapses sit in the same rows as before.</summary>
    public long Generation { get; private set; }

    /// <summary>The synapse plan the fast path runs.</summary>
    public SynapsePlan Plan { get; } = new();

    /// <summary>Whether any synapse is frozen or has its own η.</summary>
    public bool HasSynapsesWithOwnRule { get; private set; }

    /// <summary>Whether any neuron of <paramref name="layer"/> has its own function or a mask.</summary>
    public bool HasOverridesIn(int layer) => _overriddenLayers[layer];

    /// <summary>The chunks of one of the neuron queries the passes walk.</summary>
    public Span<Chunk> Neurons(NeuronSet set) => _neuronChunks[(int)set].Chunks;

    /// <summary>After a change to the neurons: the overrides and the neuron chunks.</summary>
    public void RefreshNeurons(Network network)
    {
        Generation++;
        Systems.NeuronOverrides.FindLayers(network, _overriddenLayers);
        foreach (var cache in _neuronChunks)
        {
            cache.Refresh(network.World);
        }
    }

    /// <summary>After a change to the synapses: the plan and the own-rule flag.</summary>
    public void RefreshSynapses(World world, ReadOnlySpan<int> layerOfSlot, int layers)
    {
        Generation++;
        Plan.Rebuild(world, layerOfSlot, layers);
        HasSynapsesWithOwnRule = world.CountEntities(in NetworkQueries.SynapsesWithOwnRule) > 0;
    }
}
