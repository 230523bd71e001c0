namespace EcsNet.Cli.Commands;

/// <summary>Everything <c>train</c> (and the main job) was asked to do; null means "the data set's default".</summary>
internal sealed record TrainRequest
{
    public string? Dataset { get; init; }
    public string? Data { get; init; }
    public string? Label { get; init; }
    public string? Target { get; init; }
    public string? Normalize { get; init; }
    public double? TestFraction { get; init; }
    public string? Model { get; init; }
    public string? Layers { get; init; }
    public string? Activation { get; init; }
    public string? Cost { get; init; }
    public string? Init { get; init; }
    public string Optimizer { get; init; } = "sgd";
    public float? LearningRate { get; init; }
    public string LrDecay { get; init; } = "none";
    public int? Batch { get; init; }
    public int? Epochs { get; init; }
    public float L1 { get; init; }
    public float L2 { get; init; }
    public double Validation { get; init; }
    public int EarlyStop { get; init; }
    public double? ErrorThreshold { get; init; }
    public long Seed { get; init; } = 1;
    public int? Threads { get; init; }
    public string? Save { get; init; }
    public string? Plot { get; init; }
    public string? Metrics { get; init; }
    public bool NoBias { get; init; }
    public bool FrozenBiases { get; init; }
    public string? BatchGradient { get; init; }
    public string? Order { get; init; }
    public bool Json { get; init; }
    public bool Quiet { get; init; }

    /// <summary>The main job's extras: confusion matrix and misclassified digits drawn in the terminal.</summary>
    public bool Showcase { get; init; }
}
