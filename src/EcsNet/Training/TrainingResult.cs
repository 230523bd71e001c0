namespace EcsNet.Training;

/// <summary>The outcome of <see cref="Trainer.Train"/>.</summary>
public sealed record TrainingResult(IReadOnlyList<EpochMetrics> Epochs, StopReason StopReason, string Message)
{
    /// <summary>The last completed epoch's metrics, or null if none completed.</summary>
    public EpochMetrics? Last => Epochs.Count > 0 ? Epochs[^1] : null;

    /// <summary>With early stopping: the epoch whose weights were restored (lowest validation cost); else null.</summary>
    public int? BestEpoch { get; init; }

    /// <summary>Training samples processed, over all epochs.</summary>
    public long Samples => Epochs.Sum(e => (long)e.Samples);

    /// <summary>Wall time of training, over all epochs (evaluation excluded).</summary>
    public double Seconds => Epochs.Sum(e => e.Seconds);

    /// <summary>Total samples ÷ total time: the run's throughput (not the mean of the epochs' rates).</summary>
    public double SamplesPerSecond => Seconds > 0 ? Samples / Seconds : 0;
}
