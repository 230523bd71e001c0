using BenchmarkDotNet.Attributes;
using EcsNet.Baselines;
using EcsNet.Systems;
using EcsNet.Training;

namespace EcsNet.Benchmarks.Layouts;

/// <summary>
/// Where the time of a W2 step (2-3-1, one sample) goes: the whole step as the baseline, then its parts one at a
/// time on a network that has a batch loaded and fed forward. A part run alone is not free of the calls around it,
/// so the parts need not add up to the step exactly; they show which piece to work on.
/// </summary>
[MemoryDiagnoser]
public class W2PartsBenchmarks : LayoutBenchmarkBase
{
    [GlobalSetup]
    public void GlobalSetup()
    {
        Initialize(NetworkSetup.Create([2, 3, 1], ParameterSeed), TrainingData.Xor());
        Ecs = Setup.BuildNetwork();
        Ecs.LoadBatch(Data.BatchInputs(0, 1), Data.BatchTargets(0, 1), 1);
        Ecs.Forward();
    }

    /// <summary>The whole step, as W2 times it.</summary>
    [Benchmark(Baseline = true)]
    public void Step() => StepEcsNet(1);

    /// <summary>Loading one sample and its target.</summary>
    [Benchmark]
    public void Load() => Ecs!.LoadBatch(Data.BatchInputs(0, 1), Data.BatchTargets(0, 1), 1);

    /// <summary>The feedforward phase (bias fill, two layers of synapses and sigmoids, the a/z mirror).</summary>
    [Benchmark]
    public void Feedforward() => Ecs!.Systems.Run(StepPhase.Feedforward);

    /// <summary>Everything after the forward pass: cost, output and hidden δ, the fused gradient step.</summary>
    [Benchmark]
    public double BackpropagateAndUpdate() => Ecs!.BackpropagateAndUpdate(Optimizer.Sgd, Eta, 0f, 0f);

    /// <summary>The look at the world that vouches for every cached structure (each pass takes one).</summary>
    [Benchmark]
    public long CurrentStructure() => Ecs!.CurrentStructure().Generation;

    /// <summary>z += w a over the six synapses into the hidden layer.</summary>
    [Benchmark]
    public void SynapsesIntoLayer1() => Ecs!.SynapsePasses.Forward(Ecs, Ecs.CurrentStructure().Plan, 1, Ecs.Batch.A, Ecs.Batch.Z, 1);

    /// <summary>σ(z) over the three hidden neurons.</summary>
    [Benchmark]
    public void SigmoidLayer1() => Ecs!.Layers[1].Function!.Forward(Ecs.Batch.Z.AsSpan(2, 3), Ecs.Batch.A.AsSpan(2, 3), 3, 1);

    /// <summary>The first sample's a and z copied into the neurons' components.</summary>
    [Benchmark]
    public void MirrorForward() => NeuronMirror.WriteForward(Ecs!, Ecs!.CurrentStructure());

    /// <summary>The first sample's δ copied into the neurons' components.</summary>
    [Benchmark]
    public void MirrorDeltas() => NeuronMirror.WriteDeltas(Ecs!, Ecs!.CurrentStructure());

    /// <summary>The output δ system alone.</summary>
    [Benchmark]
    public void OutputDelta() => Ecs!.Systems.Get<OutputDeltaSystem>().Update(Ecs.Context);

    /// <summary>The hidden δ system alone.</summary>
    [Benchmark]
    public void HiddenDelta() => Ecs!.Systems.Get<HiddenDeltaSystem>().Update(Ecs.Context);
}
