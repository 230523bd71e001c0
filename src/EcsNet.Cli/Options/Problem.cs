using EcsNet.Data;
using EcsNet.Training;

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

/// <summary>
/// A data set's defaults: the network to build and the hyperparameters, as the library's <see cref="TrainingOptions"/>
/// (whatever a preset leaves out keeps the library's default). Every one can be overridden by its option.
/// </summary>
internal sealed record Defaults(string Layers, string Activation, TrainingOptions Training, string Cost = "quadratic", string Init = "gaussian")
{
    /// <summary>"η 3, batch 10, 30 epochs" for the help text.</summary>
    public string Describe()
    {
        var t = Training;
        var batch = t.BatchSize switch { 0 => "full batch", 1 => "incremental (batch 1)", var m => $"batch {m}" };
        return string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"{Layers.Replace(',', '-')} {Activation}, {Cost}, η {t.LearningRate}, {batch}, {t.Epochs} epochs");
    }
}
