using EcsNet.Data;

namespace EcsNet.Cli.Options;

/// <summary>
/// Training data resolved from <c>--dataset</c> or <c>--data</c>, with the defaults that suit it (the lectures' setup
/// for MNIST, a small sigmoid net for the gates, …). <see cref="Normalizer"/> was fitted on the training part only.
/// </summary>
internal sealed record Problem(string Name, DataSet Train, DataSet? Test, Normalizer? Normalizer, Defaults Defaults)
{
    /// <summary>Class names, when the data are classes.</summary>
    public string[]? ClassNames => Train.ClassNames;
}

/// <summary>Hyperparameter defaults for a data set; every one can be overridden by its option.</summary>
internal sealed record Defaults(
    string Layers,
    string Activation,
    string Cost = "quadratic",
    float LearningRate = 3.0f,
    int Batch = 10,
    int Epochs = 30,
    string Init = "gaussian");
