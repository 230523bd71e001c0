namespace EcsNet.Training;

/// <summary>
/// How the gradients of the m samples of a mini-batch are combined before an update. The decks differ: Unicamp's
/// backpropagation algorithm divides the accumulators, D = Δ/m; Mitchell's GRADIENT-DESCENT (Utah) and Seoul's
/// batch_update add the samples' Δw without dividing.
/// </summary>
public enum BatchGradient
{
    /// <summary>D = Δ/m, the mean over the batch (the default): η means the same for every m.</summary>
    Mean,

    /// <summary>Δ itself, the sum over the batch: one update of m samples moves as far as m incremental ones would to first order.</summary>
    Sum,
}
