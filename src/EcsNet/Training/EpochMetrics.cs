namespace EcsNet.Training;

/// <summary>
/// What one epoch did. <see cref="Cost"/> and <see cref="TrainAccuracy"/> are averaged over the epoch's mini-batches as
/// they were seen (before each update), as most libraries report them; test and validation figures are measured
/// after the epoch.
/// </summary>
public readonly record struct EpochMetrics
{
    /// <summary>The 1-based epoch number.</summary>
    public int Epoch { get; init; }

    /// <summary>C = (1/n) Σ_x C_x on the training set.</summary>
    public double Cost { get; init; }

    /// <summary>The fraction of training samples classified correctly.</summary>
    public double TrainAccuracy { get; init; }

    /// <summary>C on the test set, if one was given.</summary>
    public double? TestCost { get; init; }

    /// <summary>Accuracy on the test set, if one was given.</summary>
    public double? TestAccuracy { get; init; }

    /// <summary>C on the validation split, if any.</summary>
    public double? ValidationCost { get; init; }

    /// <summary>Accuracy on the validation split, if any.</summary>
    public double? ValidationAccuracy { get; init; }

    /// <summary>The η used in this epoch.</summary>
    public float LearningRate { get; init; }

    /// <summary>Training samples processed in the epoch.</summary>
    public int Samples { get; init; }

    /// <summary>Wall time of the epoch: its training steps and the trainer's bookkeeping (evaluation excluded).</summary>
    public double Seconds { get; init; }

    /// <summary>Training samples per second.</summary>
    public double SamplesPerSecond { get; init; }
}
