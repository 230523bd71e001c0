namespace EcsNet.Rules;

/// <summary>The outcome of <see cref="DeltaRule.Train"/>.</summary>
/// <param name="Mode">Batch or incremental.</param>
/// <param name="InitialError">E(w) = ½ Σ_d Σ_j (t − o)² before the first epoch.</param>
/// <param name="ErrorPerEpoch">E(w) at the weights reached after each epoch.</param>
/// <param name="ReachedThreshold">True when training stopped because E fell to the error threshold.</param>
public sealed record DeltaRuleResult(GradientDescentMode Mode, double InitialError, IReadOnlyList<double> ErrorPerEpoch, bool ReachedThreshold)
{
    /// <summary>The number of epochs run.</summary>
    public int Epochs => ErrorPerEpoch.Count;

    /// <summary>E(w) at the end (the initial error if no epoch ran).</summary>
    public double FinalError => ErrorPerEpoch.Count > 0 ? ErrorPerEpoch[^1] : InitialError;
}
