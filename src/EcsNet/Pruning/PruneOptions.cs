namespace EcsNet.Pruning;

/// <summary>What a prune removes: round(<see cref="Fraction"/> · n) of the n synapses in each scope, chosen by <see cref="By"/>.</summary>
/// <param name="Fraction">The fraction of the synapses to remove, in [0, 1).</param>
/// <param name="By">Smallest magnitude first, or at random.</param>
/// <param name="Scope">All synapses ranked together, or each layer's synapses on their own.</param>
/// <param name="Seed">The seed of a random choice.</param>
public sealed record PruneOptions(double Fraction, PruneCriterion By = PruneCriterion.Magnitude, PruneScope Scope = PruneScope.Global, long Seed = 1)
{
    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> unless the fraction is in [0, 1).</summary>
    public void Validate()
    {
        if (!(Fraction >= 0 && Fraction < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(Fraction), Fraction, "the fraction to prune must be in [0, 1)");
        }
    }
}
