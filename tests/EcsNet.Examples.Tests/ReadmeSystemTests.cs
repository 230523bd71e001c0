using EcsNet.Examples.MaxNorm;
using EcsNet.Systems;
using EcsNet.Training;

namespace EcsNet.Examples.Tests;

/// <summary>The user system shown in the README, verbatim, trains exactly as the example it is abridged from.</summary>
public sealed class ReadmeSystemTests
{
    [Fact]
    public void The_readme_max_norm_system_gives_the_examples_weights_bit_for_bit()
    {
        var (train, _) = IrisData.Load();
        using var readme = MaxNormExample.Build(seed: 5);
        using var example = MaxNormExample.Build(seed: 5);
        readme.Systems.Add(StepPhase.AfterUpdate, new Readme.MaxNormSystem(1.5f));
        example.Systems.Add(StepPhase.AfterUpdate, new MaxNorm.MaxNormSystem(1.5f));
        Assert.EndsWith("AfterUpdate: MaxNormSystem", readme.Systems.ToString());
        foreach (var net in new[] { readme, example })
        {
            new Trainer(new TrainingOptions { Epochs = 5, BatchSize = 10, LearningRate = 0.5f, Seed = 5 }).Train(net, train);
        }

        Assert.Equal(example.Synapses().Select(s => s.Weight), readme.Synapses().Select(s => s.Weight));
        Assert.Contains(HandNetwork.SquaredNorms(readme).Values, n => Math.Sqrt(n) > 1.5 - 1e-4);
    }
}
