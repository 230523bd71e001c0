using EcsNet.ActivationFunctions;
using EcsNet.Components;
using EcsNet.Data;
using EcsNet.Training;

namespace EcsNet.Tests.Diagnostics;

/// <summary>The Unicamp deck's symmetry problem: with zero initialisation every hidden unit stays the same unit.</summary>
public class SymmetryTests
{
    [Theory]
    [InlineData(1)] // incremental, shuffled
    [InlineData(2)] // mini-batches of two, shuffled
    public void ZeroInitialisationKeepsHiddenUnitsIdentical(int batchSize)
    {
        using var network = new NetworkBuilder().Input(2).Dense(3, ActivationFunction.Sigmoid).Dense(1, ActivationFunction.Sigmoid)
            .Build(Initializer.Zero, seed: 1);
        var trainer = new Trainer(new TrainingOptions { Epochs = 300, BatchSize = batchSize, LearningRate = 2f, Seed = 4 });

        trainer.Train(network, LogicGates.Xor());

        // Per hidden neuron j: (w_j0, w_j1, b_j) read from the synapse and neuron entities.
        var incoming = Enumerable.Range(0, 3).Select(j => IncomingParameters(network, 1, j)).ToArray();
        var outgoing = network.Synapses().Where(s => s.ToLayer == 2).OrderBy(s => s.FromIndex).Select(s => s.Weight).ToArray();
        // Training moved the weights (the hidden layer too, once the output weights left zero) ...
        Assert.Contains(incoming[0], v => Math.Abs(v) > 1e-3f);
        Assert.True(Math.Abs(outgoing[0]) > 1e-2f);
        // ... but every hidden unit got the same update, so all three are still one unit repeated.
        for (var j = 1; j < 3; j++)
        {
            for (var i = 0; i < 3; i++)
            {
                Assert.Equal(incoming[0][i], incoming[j][i], 1e-6f);
            }

            Assert.Equal(outgoing[0], outgoing[j], 1e-6f);
        }
    }

    [Fact]
    public void ZeroInitialisationIsAStationaryPointOfFullBatchXor()
    {
        using var network = new NetworkBuilder().Input(2).Dense(3, ActivationFunction.Sigmoid).Dense(1, ActivationFunction.Sigmoid)
            .Build(Initializer.Zero, seed: 1);
        var trainer = new Trainer(new TrainingOptions { Epochs = 50, BatchSize = 0, LearningRate = 2f });

        trainer.Train(network, LogicGates.Xor());

        // Every output is σ(0) = ½, so δ = (½ − y)·¼ and XOR's targets 0, 1, 1, 0 sum it to zero: no gradient at all.
        Assert.All(network.Synapses(), s => Assert.Equal(0f, s.Weight));
        Assert.Equal(0f, network.GetBias(2, 0));
    }

    [Fact]
    public void RandomInitialisationBreaksTheSymmetry()
    {
        using var network = new NetworkBuilder().Input(2).Dense(3, ActivationFunction.Sigmoid).Dense(1, ActivationFunction.Sigmoid)
            .Build(Initializer.Uniform(0.12), seed: 1);

        var incoming = Enumerable.Range(0, 3).Select(j => IncomingParameters(network, 1, j)).ToArray();

        Assert.NotEqual(incoming[0], incoming[1]);
        Assert.NotEqual(incoming[1], incoming[2]);
    }

    private static float[] IncomingParameters(Network network, int layer, int index)
        =>
        [
            .. network.Synapses().Where(s => s.ToLayer == layer && s.ToIndex == index).OrderBy(s => s.FromIndex).Select(s => s.Weight),
            network.World.Get<Bias>(network.NeuronEntity(layer, index)).Value,
        ];
}
