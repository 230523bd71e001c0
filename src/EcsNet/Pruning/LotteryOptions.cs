namespace EcsNet.Pruning;

/// <summary>The schedule of a lottery-ticket experiment (iterative magnitude pruning with rewinding).</summary>
/// <param name="Rounds">Pruning rounds after the dense round 0; round r keeps about (1 − rate)^r of the synapses.</param>
/// <param name="Rate">The fraction of the surviving synapses pruned after each round, in (0, 1).</param>
/// <param name="Scope">Each layer pruned by the rate (as in the paper), or all synapses ranked together.</param>
/// <param name="RandomReinitControl">Also train every round's mask from fresh random weights (the paper's control).</param>
/// <param name="Threads">Threads of the synapse passes; results do not depend on it.</param>
public sealed record LotteryOptions(int Rounds, double Rate, PruneScope Scope = PruneScope.Layer, bool RandomReinitControl = false, int Threads = 1)
{
    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> for a negative round count or a rate outside (0, 1).</summary>
    public void Validate()
    {
        if (Rounds < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(Rounds), Rounds, "the number of rounds must be at least 0");
        }

        if (!(Rate > 0 && Rate < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(Rate), Rate, "the pruning rate must be in (0, 1)");
        }

        if (Threads < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(Threads), Threads, "threads must be at least 1");
        }
    }
}
