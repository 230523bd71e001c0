namespace EcsNet.Pruning;

/// <summary>Which synapses a prune removes first.</summary>
public enum PruneCriterion
{
    /// <summary>The smallest |w_jk| (ties broken by the synapse's ends, so the choice never depends on storage order).</summary>
    Magnitude,

    /// <summary>A seeded uniform random choice.</summary>
    Random,
}
