using EcsNet.ActivationFunctions;
using EcsNet.Components;
using EcsNet.Data;
using EcsNet.Systems;
using EcsNet.Tests.Reliability;
using EcsNet.Training;

namespace EcsNet.Tests.Systems;

/// <summary>The public pipeline: built-in passes and user systems at named phases, and what a system is handed.</summary>
public class NetworkSystemsTests
{
    private sealed class Probe(string name, List<string> log, Action<StepContext>? body = null) : ISystem<StepContext>
    {
        public void Update(StepContext context)
        {
            log.Add($"{name}@{context.Phase}");
            body?.Invoke(context);
        }
    }

    [Fact]
    public void TheBuiltInPassesAreListedInRunOrder()
    {
        using var net = TestNetworks.Xor231(1);
        Assert.Equal(
            ["Feedforward: FeedforwardSystem", "Backpropagation: OutputDeltaSystem", "Backpropagation: HiddenDeltaSystem",
             "Backpropagation: GradientAccumulationSystem", "Update: WeightUpdateSystem"],
            net.Systems.Select(e => e.ToString()));
        Assert.All(net.Systems, e => Assert.True(e.IsBuiltIn));
    }

    [Fact]
    public void UserSystemsRunAtTheirPhasesInDeclaredOrder()
    {
        using var net = TestNetworks.Xor231(1);
        var log = new List<string>();
        var after = new Probe("after", log);
        net.Systems.Add(StepPhase.AfterUpdate, after);
        net.Systems.Add(StepPhase.BeforeFeedforward, new Probe("before", log));
        net.Systems.AddBefore(after, new Probe("first-after", log));
        net.Systems.AddAfter(net.Systems.Get<FeedforwardSystem>(), new Probe("ff-tail", log));
        net.Systems.Add(StepPhase.AfterBackpropagation, new Probe("grads", log));
        net.Systems.Add(StepPhase.AfterFeedforward, new Probe("a-ready", log));

        net.LoadBatch([0f, 1f], [1f], 1);
        net.TrainStep(Optimizer.Sgd, 0.5f);

        Assert.Equal(
            ["before@BeforeFeedforward", "ff-tail@Feedforward", "a-ready@AfterFeedforward", "grads@AfterBackpropagation",
             "first-after@AfterUpdate", "after@AfterUpdate"],
            log);
        Assert.Equal(
            ["BeforeFeedforward", "Feedforward", "Feedforward", "AfterFeedforward", "Backpropagation", "Backpropagation", "Backpropagation",
             "AfterBackpropagation", "Update", "AfterUpdate", "AfterUpdate"],
            net.Systems.Select(e => e.Phase.ToString()));
    }

    [Fact]
    public void RemovingASystemStopsItAndBuiltInsCannotBeRemoved()
    {
        using var net = TestNetworks.Xor231(1);
        var log = new List<string>();
        var probe = new Probe("p", log);
        net.Systems.Add(StepPhase.AfterUpdate, probe);
        net.Systems.Remove(probe);
        net.LoadBatch([0f, 1f], [1f], 1);
        net.TrainStep(Optimizer.Sgd, 0.5f);

        Assert.Empty(log);
        Assert.Equal(5, net.Systems.Count);
        Assert.Throws<InvalidOperationException>(() => net.Systems.Remove(net.Systems.Get<WeightUpdateSystem>()));
        Assert.Throws<InvalidOperationException>(() => net.Systems.Remove(probe));
        net.Systems.Add(StepPhase.AfterUpdate, probe);
        Assert.Throws<InvalidOperationException>(() => net.Systems.Add(StepPhase.BeforeFeedforward, probe));
    }

    [Fact]
    public void ASystemReadsEverySamplesZADeltaAndGradients()
    {
        var data = Playground.Generate("circle", 16, 0.1, 3);
        using var net = NetworkBuilder.FullyConnected([2, 5, 3, 1], ActivationFunction.Tanh, Initializer.Xavier, 3);
        var hidden = net.NeuronEntity(1, 2);
        float[]? z = null, a = null, d = null;
        float gradient = 0;
        var eta = 0f;
        net.Systems.Add(StepPhase.AfterBackpropagation, new Probe("read", [], c =>
        {
            z = c.NetInputs(hidden).ToArray();
            a = c.Activations(hidden).ToArray();
            d = c.Deltas(hidden).ToArray();
            gradient = c.World.Get<BiasGradient>(hidden).Value;
            eta = c.LearningRate;
        }));
        int[] batch = [0, 1, 2, 3, 4, 5];
        net.LoadBatch(data, batch);
        net.TrainStep(Optimizer.Sgd, 0.25f);

        // The same batch through an untouched twin, read with the per-sample accessor, gives the same numbers.
        using var twin = NetworkBuilder.FullyConnected([2, 5, 3, 1], ActivationFunction.Tanh, Initializer.Xavier, 3);
        twin.LoadBatch(data, batch);
        twin.Forward();
        twin.Backpropagate();
        for (var b = 0; b < batch.Length; b++)
        {
            Assert.Equal(twin.Value(NeuronValue.NetInput, 1, 2, b), z![b]);
            Assert.Equal(twin.Value(NeuronValue.Activation, 1, 2, b), a![b]);
            Assert.Equal(twin.Value(NeuronValue.Delta, 1, 2, b), d![b]);
            Assert.Equal(MathF.Tanh(z[b]), a[b], 1e-6f);
        }

        // A system after backpropagation sees the accumulated ∂C/∂b = Σ_x δ (so the step is not fused away).
        Assert.Equal(d!.Sum(), gradient, 1e-5f);
        Assert.Equal(0.25f, eta);
    }

    [Fact]
    public void ASystemThatPrunesDuringTheStepKeepsTrainingExact()
    {
        // Prune the smallest weight after every update: each step must equal a network rebuilt from the model.
        var random = new SeededRandom(5);
        using var net = NetworkBuilder.FullyConnected([9, 10, 8, 3], ActivationFunction.Sigmoid, Initializer.Xavier, 5);
        net.Systems.Add(StepPhase.AfterUpdate, new Probe("prune", [], c =>
        {
            var smallest = c.Network.Synapses().Where(s => c.Network.Synapses().Count(o => o.ToLayer == s.ToLayer) > 1)
                .MinBy(s => Math.Abs(s.Weight));
            c.Network.Disconnect(smallest.Entity);
        }));
        var inputs = new float[9 * 4];
        var targets = new float[3 * 4];
        for (var step = 0; step < 40; step++)
        {
            for (var i = 0; i < inputs.Length; i++)
            {
                inputs[i] = (float)random.NextUniform(-1, 1);
            }

            for (var i = 0; i < targets.Length; i++)
            {
                targets[i] = (float)random.NextDouble();
            }

            using var oracle = StructuralEditModelTests.Rebuild(net);
            net.LoadBatch(inputs, targets, 4);
            net.TrainStep(Optimizer.Sgd, 0.5f);
            oracle.LoadBatch(inputs, targets, 4);
            oracle.TrainStep(Optimizer.Sgd, 0.5f);

            // The oracle took the step without the pruning: remove what the system pruned, then compare.
            var left = net.Synapses().Select(s => (s.FromLayer, s.FromIndex, s.ToLayer, s.ToIndex)).ToHashSet();
            foreach (var s in oracle.Synapses().Where(s => !left.Contains((s.FromLayer, s.FromIndex, s.ToLayer, s.ToIndex))))
            {
                oracle.Disconnect(s.Entity);
            }

            Assert.Null(StructuralEditModelTests.FirstMismatch(oracle, net));
        }

        Assert.Equal(9 * 10 + 10 * 8 + 8 * 3 - 40, net.SynapseCount);
    }

    [Fact]
    public void EndOfEpochSystemsOfATrainerRunOncePerEpochAndLeaveAfterwards()
    {
        using var net = TestNetworks.Xor231(2);
        var epochs = new List<int>();
        var trainer = new Trainer(new TrainingOptions { Epochs = 3, BatchSize = 4, LearningRate = 1f });
        trainer.Systems.Add((StepPhase.EndOfEpoch, new Probe("epoch", [], c => epochs.Add(c.Epoch))));
        trainer.Train(net, LogicGates.Xor());

        Assert.Equal([1, 2, 3], epochs);
        Assert.Equal(5, net.Systems.Count);
    }

    [Fact]
    public void DirectWorldEditsThatBreakTheModelFailLoudly()
    {
        using var net = TestNetworks.Xor231(1);
        net.LoadBatch([0f, 1f], [1f], 1);

        // A synapse without its gradient would be skipped silently; a backward one would be read wrongly.
        var incomplete = net.World.Create(new Synapse { Source = 0, Target = 2 }, new Weight { Value = 1 });
        var error = Assert.Throws<InvalidOperationException>(() => net.TrainStep(Optimizer.Sgd, 0.1f));
        Assert.Contains("lack a Weight, WeightGradient or OptimizerState", error.Message);
        net.World.Destroy(incomplete);

        var backward = net.World.Create(new Synapse { Source = 5, Target = 1 }, new Weight(), new WeightGradient(), new OptimizerState());
        error = Assert.Throws<InvalidOperationException>(() => net.TrainStep(Optimizer.Sgd, 0.1f));
        Assert.Contains("must go forward", error.Message);
        net.World.Destroy(backward);

        net.World.Destroy(net.NeuronEntity(1, 0));
        error = Assert.Throws<InvalidOperationException>(() => net.TrainStep(Optimizer.Sgd, 0.1f));
        Assert.Contains("neuron 0 of layer 1 was destroyed", error.Message);
    }
}
