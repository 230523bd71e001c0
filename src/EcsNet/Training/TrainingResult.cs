namespace EcsNet.Training;

/// <summary>The outcome of <see cref="Trainer.Train"/>.</summary>
public sealed record TrainingResult(IReadOnlyList<EpochMetrics> Epochs, StopReason StopReason, string Message)
{
    /// <summary>The last completed epoch's metrics, or null if none completed.</summary>
    public EpochMetrics? Last => Epochs.Count > 0 ? Epochs[^1] : null;
}
