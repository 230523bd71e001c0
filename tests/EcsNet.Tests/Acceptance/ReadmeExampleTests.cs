using EcsNet.ActivationFunctions;
using EcsNet.Data;
using EcsNet.Training;

namespace EcsNet.Tests.Acceptance;

/// <summary>The library example of the README, verbatim: build a network, train XOR, print the weights and outputs.</summary>
public sealed class ReadmeExampleTests
{
    [Fact]
    public void BuildTrainXorAndPrintTheWeights()
    {
        using var net = new NetworkBuilder().Input(2).Dense(3, ActivationFunction.Sigmoid).Dense(1, ActivationFunction.Sigmoid)
            .Build(Initializer.Gaussian, seed: 1);
        var xor = LogicGates.Xor();
        new Trainer(new TrainingOptions { Epochs = 2000, BatchSize = 4, LearningRate = 3f }).Train(net, xor);
        foreach (var s in net.Synapses())
            Console.WriteLine($"w[{s.ToLayer}]({s.ToIndex},{s.FromIndex}) = {s.Weight:F3}");
        for (var i = 0; i < xor.Count; i++)
        {
            var a = net.Predict(xor.Input(i))[0];
            Console.WriteLine($"{xor.Input(i)[0]} XOR {xor.Input(i)[1]} = {a:F3}");
            Assert.Equal(xor.Target(i)[0] == 1f, a > 0.5f);
        }
    }
}
