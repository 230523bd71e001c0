using EcsNet.Components;
using EcsNet.Ecs.Scheduling;
using EcsNet.Examples.Dropout;
using EcsNet.Systems;
using EcsNet.Training;

namespace EcsNet.Examples.Tests;

/// <summary>Dropout: the drop rate per training step, a = r f(z) on every sample, no mask at inference, and gradients under fixed masks.</summary>
public sealed class DropoutTests
{
    private static readonly QueryDescription HiddenNeurons = new QueryDescription().WithAll<Neuron, HiddenNeuron>();

    [Fact]
    public void ATrainingStepDropsAFractionPOfTheHiddenNeuronsAndScalesTheOthersByOneOverOneMinusP()
    {
        const double p = 0.3;
        var (train, _) = IrisData.Load();
        using var net = DropoutExample.Build(hidden: 32, seed: 2);
        net.Systems.Add(StepPhase.BeforeFeedforward, new DropoutSystem(p, seed: 9));
        var probe = new MaskProbe();
        net.Systems.Add(StepPhase.AfterFeedforward, probe);
        new Trainer(new TrainingOptions { Epochs = 30, BatchSize = 10, LearningRate = 0.1f, Seed = 2 }).Train(net, train);

        // 30 epochs × 10 steps × 32 neurons = 9,600 draws: the dropped share is p within 5 standard deviations.
        Assert.Equal(300, probe.TrainingSteps);
        Assert.Equal(9600, probe.Dropped + probe.Kept);
        var share = (double)probe.Dropped / (probe.Dropped + probe.Kept);
        Assert.InRange(share, p - 5 * Math.Sqrt(p * (1 - p) / 9600), p + 5 * Math.Sqrt(p * (1 - p) / 9600));
        Assert.True(probe.StepsWithDifferentCounts > 0, "every step dropped the same number of neurons");
        Assert.Equal((float)(1 / (1 - p)), probe.KeptValue);
        Assert.Equal(0, probe.WrongActivations);

        // Inference: every mask is 1 and a = f(z).
        net.LoadBatch(train, [0, 1, 2]);
        net.Forward();
        Assert.Equal(1, probe.InferencePasses);
        Assert.Equal(0, probe.InferenceMasksOtherThanOne);
        Assert.Equal(0, probe.WrongActivations);
    }

    [Fact]
    public void TheTrainedNetworkPredictsAsANetworkWithoutMasksAndKeepsItsAccuracy()
    {
        var log = new StringWriter();
        var run = DropoutExample.Run(rate: 0.5, epochs: 40, log: log);
        using var net = run.Net;
        Assert.True(run.TestAccuracy >= 0.9, $"test accuracy {run.TestAccuracy:P1}");
        for (var i = 0; i < run.Test.Count; i += 5)
        {
            var hand = HandNetwork.Forward(net, run.Test.Input(i), masks: false)[^1];
            var predicted = net.Predict(run.Test.Input(i));
            for (var j = 0; j < hand.Length; j++)
            {
                Assert.Equal(hand[j], predicted[j], 1e-5);
            }
        }

        Assert.Contains($"test accuracy {run.TestAccuracy:P1}", log.ToString());
    }

    [Fact]
    public void RemovingTheSystemAfterATrainingStepLeavesEveryMaskAtOne()
    {
        var (train, _) = IrisData.Load();
        using var net = DropoutExample.Build(hidden: 32, seed: 3);
        var dropout = new DropoutSystem(0.5, seed: 1);
        net.Systems.Add(StepPhase.BeforeFeedforward, dropout);
        net.LoadBatch(train, [0, 1, 2, 3]);
        net.TrainStep(Optimizer.Sgd, 0.1f);
        Assert.Contains(Masks(net), r => r == 0f);

        net.Systems.Remove(dropout);
        Assert.All(Masks(net), r => Assert.Equal(1f, r));
    }

    // Failed while Trainer.Train took its systems out without disposing them: the last step's masks stayed on and
    // Predict was silently masked afterwards.
    [Fact]
    public void AddedThroughATrainerItLeavesEveryMaskAtOneAfterTraining()
    {
        var (train, _) = IrisData.Load();
        using var net = DropoutExample.Build(hidden: 32, seed: 3);
        var trainer = new Trainer(new TrainingOptions { Epochs = 2, BatchSize = 10, LearningRate = 0.1f, Seed = 3 });
        trainer.Systems.Add((StepPhase.BeforeFeedforward, new DropoutSystem(0.5, seed: 1)));
        trainer.Train(net, train);

        Assert.All(Masks(net), r => Assert.Equal(1f, r));
        var hand = HandNetwork.Forward(net, train.Input(0), masks: false)[^1];
        var predicted = net.Predict(train.Input(0));
        for (var j = 0; j < hand.Length; j++)
        {
            Assert.Equal(hand[j], predicted[j], 1e-5);
        }
    }

    [Fact]
    public void BackpropagationUnderTheStepMasksMatchesFiniteDifferences()
    {
        var (train, _) = IrisData.Load();
        using var net = DropoutExample.Build(hidden: 32, seed: 4);
        var dropout = new DropoutSystem(0.5, seed: 6);
        net.Systems.Add(StepPhase.BeforeFeedforward, dropout);
        var recorder = new StepRecorder();
        net.Systems.Add(StepPhase.AfterBackpropagation, recorder); // δ and ∂C/∂w of the step, before the update
        int[] batch = [3, 14, 15, 92, 65, 35, 89, 79, 32, 38];
        net.LoadBatch(train, batch);
        net.TrainStep(Optimizer.Sgd, 0.1f);

        // Back to the weights, biases and masks of that step, held fixed: the dropout system goes, the masks are set by hand.
        net.Systems.Remove(dropout);
        net.Systems.Remove(recorder);
        foreach (var (synapse, w) in recorder.Weights)
        {
            net.World.Set(synapse, new Weight { Value = w });
        }

        foreach (var (neuron, bias) in recorder.Biases)
        {
            net.World.Set(neuron, new Bias { Value = bias });
        }

        foreach (var (neuron, mask) in recorder.Masks)
        {
            net.World.Set(neuron, new Mask { Value = mask });
        }

        var dropped = recorder.Masks.Where(n => n.Value == 0f).Select(n => net.World.Get<Neuron>(n.Key).Slot).ToHashSet();
        Assert.InRange(dropped.Count, 1, 31);

        foreach (var s in net.Synapses())
        {
            var backprop = recorder.Gradients[s.Entity];
            var numeric = HandNetwork.Derivative(net, s.Entity, () => HandNetwork.CrossEntropy(net, train, batch));
            Assert.True(Math.Abs(numeric - backprop) <= 2e-3 + 1e-2 * Math.Abs(backprop), $"{s}: finite differences {numeric:G6}, backpropagation {backprop:G6}");

            // A dropped neuron passes nothing forward (a = 0) and nothing back (δ = 0).
            if (dropped.Contains(net.Slot(s.FromLayer, s.FromIndex)) || dropped.Contains(net.Slot(s.ToLayer, s.ToIndex)))
            {
                Assert.Equal(0f, backprop);
            }
        }
    }

    private static List<float> Masks(Network net)
    {
        var masks = new List<float>();
        foreach (ref var chunk in net.World.Query(in HiddenNeurons))
        {
            for (var r = 0; r < chunk.Count; r++)
            {
                masks.Add(net.World.Get<Mask>(chunk.Entity(r)).Value);
            }
        }

        return masks;
    }

    /// <summary>After backpropagation: every weight and its ∂C/∂w, every bias, every hidden neuron's mask.</summary>
    private sealed class StepRecorder : ISystem<StepContext>
    {
        public Dictionary<Entity, float> Weights { get; } = [];

        public Dictionary<Entity, float> Gradients { get; } = [];

        public Dictionary<Entity, float> Biases { get; } = [];

        public Dictionary<Entity, float> Masks { get; } = [];

        public void Update(StepContext context)
        {
            foreach (var s in context.Network.Synapses())
            {
                Weights[s.Entity] = s.Weight;
                Gradients[s.Entity] = s.Gradient;
            }

            foreach (ref var chunk in context.World.Query(in NetworkQueries.BiasedNeurons))
            {
                for (var r = 0; r < chunk.Count; r++)
                {
                    var neuron = chunk.Entity(r);
                    Biases[neuron] = context.World.Get<Bias>(neuron).Value;
                    if (context.World.TryGet<Mask>(neuron, out var mask))
                    {
                        Masks[neuron] = mask.Value;
                    }
                }
            }
        }
    }

    /// <summary>After the feedforward pass: counts the masks and checks a_j = r_j σ(z_j) on every sample.</summary>
    private sealed class MaskProbe : ISystem<StepContext>
    {
        public int TrainingSteps { get; private set; }

        public int InferencePasses { get; private set; }

        public int Dropped { get; private set; }

        public int Kept { get; private set; }

        public float KeptValue { get; private set; }

        public int WrongActivations { get; private set; }

        public int StepsWithDifferentCounts { get; private set; }

        public int InferenceMasksOtherThanOne { get; private set; }

        private int _lastDropped = -1;

        public void Update(StepContext context)
        {
            var dropped = 0;
            foreach (ref var chunk in context.World.Query(in HiddenNeurons))
            {
                for (var r = 0; r < chunk.Count; r++)
                {
                    var neuron = chunk.Entity(r);
                    var mask = context.World.Get<Mask>(neuron).Value;
                    if (!context.IsTraining)
                    {
                        InferenceMasksOtherThanOne += mask == 1f ? 0 : 1;
                    }
                    else if (mask == 0f)
                    {
                        dropped++;
                    }
                    else
                    {
                        Kept++;
                        KeptValue = mask;
                    }

                    var z = context.NetInputs(neuron);
                    var a = context.Activations(neuron);
                    for (var b = 0; b < context.BatchSize; b++)
                    {
                        WrongActivations += Math.Abs(a[b] - mask * HandNetwork.F("sigmoid", z[b])) <= 1e-6 ? 0 : 1;
                    }
                }
            }

            if (context.IsTraining)
            {
                TrainingSteps++;
                Dropped += dropped;
                StepsWithDifferentCounts += _lastDropped >= 0 && dropped != _lastDropped ? 1 : 0;
                _lastDropped = dropped;
            }
            else
            {
                InferencePasses++;
            }
        }
    }
}
