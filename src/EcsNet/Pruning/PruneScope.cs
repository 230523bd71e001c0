namespace EcsNet.Pruning;

/// <summary>Over which synapses the fraction of a prune is counted.</summary>
public enum PruneScope
{
    /// <summary>The fraction of all synapses, ranked together.</summary>
    Global,

    /// <summary>The fraction of the synapses into each layer, layer by layer.</summary>
    Layer,
}
