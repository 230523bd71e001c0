namespace EcsNet.Pruning;

/// <summary>
/// Unstructured pruning: destroys synapse entities, so a pruned network simply has fewer synapses and its passes cost
/// proportionally less. The choice is deterministic: synapses are ranked by the criterion, ties and the random order
/// fixed by their ends (layer, index), never by where they sit in storage.
/// </summary>
public static class Pruner
{
    /// <summary>The synapses <paramref name="options"/> selects for removal, without removing them.</summary>
    public static IReadOnlyList<SynapseInfo> Choose(Network network, PruneOptions options)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var byEnds = network.Synapses().OrderBy(s => (s.ToLayer, s.ToIndex, s.FromLayer, s.FromIndex)).ToArray();
        var groups = options.Scope == PruneScope.Global
            ? [byEnds]
            : byEnds.GroupBy(s => s.ToLayer).Select(g => g.ToArray()).ToArray();
        var random = new SeededRandom(options.Seed);
        var chosen = new List<SynapseInfo>();
        foreach (var group in groups)
        {
            var count = (int)Math.Round(options.Fraction * group.Length, MidpointRounding.AwayFromZero);
            if (options.By == PruneCriterion.Random)
            {
                var order = (SynapseInfo[])group.Clone();
                random.Shuffle(order.AsSpan());
                chosen.AddRange(order.Take(count));
            }
            else
            {
                // OrderBy is stable: equal magnitudes keep the order by ends.
                chosen.AddRange(group.OrderBy(s => Math.Abs(s.Weight)).Take(count));
            }
        }

        return chosen;
    }

    /// <summary>
    /// Removes the synapses <paramref name="options"/> selects and returns the per-layer counts before and after.
    /// </summary>
    /// <exception cref="InvalidOperationException">The prune would leave a layer after the input with no synapse into
    /// it (its neurons would output f(b) whatever the input); nothing is removed.</exception>
    public static PruneResult Prune(Network network, PruneOptions options)
    {
        var chosen = Choose(network, options);
        var before = Counts(network);
        var after = before.ToArray();
        foreach (var s in chosen)
        {
            after[s.ToLayer]--;
        }

        for (var l = 1; l < after.Length; l++)
        {
            if (after[l] == 0)
            {
                throw new InvalidOperationException(
                    $"pruning {options.Fraction:0.####} {(options.Scope == PruneScope.Global ? "of all synapses" : "of each layer's synapses")} would leave layer {l} with no incoming synapse ({before[l]} now); prune a smaller fraction");
            }
        }

        foreach (var s in chosen)
        {
            network.Disconnect(s.Entity);
        }

        return new PruneResult(before, Counts(network));
    }

    /// <summary>The number of synapses ending in each layer.</summary>
    public static int[] Counts(Network network)
    {
        ArgumentNullException.ThrowIfNull(network);
        var counts = new int[network.Layers.Count];
        foreach (var s in network.Synapses())
        {
            counts[s.ToLayer]++;
        }

        return counts;
    }
}
