namespace EcsNet.Pruning;

/// <summary>The synapses into each layer before and after a prune (index l = synapses ending in layer l; 0 for the input).</summary>
public sealed record PruneResult(IReadOnlyList<int> Before, IReadOnlyList<int> After)
{
    /// <summary>The number of synapses removed.</summary>
    public int Removed => Before.Sum() - After.Sum();
}
