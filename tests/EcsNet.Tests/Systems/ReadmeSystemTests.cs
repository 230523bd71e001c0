using EcsNet.ActivationFunctions;
using EcsNet.Components;
using EcsNet.Data;
using EcsNet.Systems;
using EcsNet.Training;

namespace EcsNet.Tests.Systems;

/// <summary>The README's user-system example, as printed there, does what the README says.</summary>
public class ReadmeSystemTests
{
    private sealed class MaxNorm(float c) : ISystem<StepContext>
    {
        public void Update(StepContext context)
        {
            var net = context.Network;
            foreach (var group in net.Synapses().GroupBy(s => (s.ToLayer, s.ToIndex)))
            {
                var norm = MathF.Sqrt(group.Sum(s => s.Weight * s.Weight));
                if (norm > c)
                {
                    foreach (var s in group)
                    {
                        context.World.Set(s.Entity, new Weight { Value = s.Weight * c / norm });
                    }
                }
            }
        }
    }

    [Fact]
    public void TheMaxNormSystemKeepsEveryIncomingNormAtMostC()
    {
        using var net = NetworkBuilder.FullyConnected([2, 6, 1], ActivationFunction.Sigmoid, Initializer.Gaussian, 3);
        net.Systems.Add(StepPhase.AfterUpdate, new MaxNorm(1.5f));
        Assert.EndsWith("AfterUpdate: MaxNorm", net.Systems.ToString());
        Assert.StartsWith("Feedforward: FeedforwardSystem", net.Systems.ToString());

        var before = Norms(net).Max();
        new Trainer(new TrainingOptions { Epochs = 20, BatchSize = 4, LearningRate = 3f }).Train(net, LogicGates.Xor());

        Assert.True(before > 1.5f, $"the initial weights should need clipping (largest norm {before})");
        Assert.All(Norms(net), n => Assert.True(n <= 1.5f + 1e-5f, $"norm {n}"));
    }

    private static IEnumerable<float> Norms(Network net)
        => net.Synapses().GroupBy(s => (s.ToLayer, s.ToIndex)).Select(g => MathF.Sqrt(g.Sum(s => s.Weight * s.Weight)));
}
