using EcsNet.Components;
using EcsNet.Training;

namespace EcsNet.Systems;

/// <summary>
/// What every system of a network's pipeline is handed when it runs: the network and its world, where the step is,
/// the update's hyperparameters, and the current mini-batch's per-neuron values over all m samples. One context per
/// network, reused every step.
/// </summary>
public sealed class StepContext
{
    internal StepContext(Network network) => Network = network;

    /// <summary>The network the step runs on.</summary>
    public Network Network { get; }

    /// <summary>The network's world: query it, add and remove components, create and destroy synapses.</summary>
    public World World => Network.World;

    /// <summary>The phase now running.</summary>
    public StepPhase Phase { get; internal set; }

    /// <summary>True in a training step, false when the network only predicts or is evaluated.</summary>
    public bool IsTraining { get; internal set; }

    /// <summary>The epoch (1-based) while a <see cref="Trainer"/> runs, 0 otherwise.</summary>
    public int Epoch { get; internal set; }

    /// <summary>The number of samples m in the current batch.</summary>
    public int BatchSize => Network.BatchSize;

    /// <summary>The number of updates applied so far (Adam's t).</summary>
    public long Step => Network.UpdateCount;

    /// <summary>The optimiser of the current update (from <see cref="StepPhase.Backpropagation"/> on in a training step).</summary>
    public Optimizer Optimizer => Settings.Optimizer ?? Optimizer.Sgd;

    /// <summary>η of the current update (from <see cref="StepPhase.Backpropagation"/> on in a training step).</summary>
    public float LearningRate => Settings.LearningRate;

    /// <summary>The update's settings: optimiser, η, the 1/m scale, the penalties, the step t.</summary>
    internal UpdateSettings Settings { get; set; }

    /// <summary>Whether this step fuses the gradient with plain SGD (w −= η/m Σ a·δ inside the gradient pass).</summary>
    internal bool Descend { get; set; }

    /// <summary>z_j^l of <paramref name="neuron"/> for every sample of the batch.</summary>
    public ReadOnlySpan<float> NetInputs(Entity neuron) => Row(Network.Batch.Z, neuron);

    /// <summary>a_j^l of <paramref name="neuron"/> for every sample of the batch (the inputs for an input neuron).</summary>
    public ReadOnlySpan<float> Activations(Entity neuron) => Row(Network.Batch.A, neuron);

    /// <summary>δ_j^l of <paramref name="neuron"/> for every sample (valid after <see cref="StepPhase.Backpropagation"/>).</summary>
    public ReadOnlySpan<float> Deltas(Entity neuron) => Row(Network.Batch.D, neuron);

    /// <summary>The targets y_j of output neuron <paramref name="index"/> for every sample.</summary>
    public ReadOnlySpan<float> Targets(int index)
    {
        if ((uint)index >= (uint)Network.OutputSize)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, $"the output layer has neurons 0..{Network.OutputSize - 1}");
        }

        return Network.Batch.Y.AsSpan(index * BatchSize, BatchSize);
    }

    /// <summary>z of the neuron in <paramref name="slot"/> for every sample.</summary>
    public ReadOnlySpan<float> NetInputs(int slot) => Row(Network.Batch.Z, slot);

    /// <summary>a of the neuron in <paramref name="slot"/> for every sample.</summary>
    public ReadOnlySpan<float> Activations(int slot) => Row(Network.Batch.A, slot);

    /// <summary>δ of the neuron in <paramref name="slot"/> for every sample.</summary>
    public ReadOnlySpan<float> Deltas(int slot) => Row(Network.Batch.D, slot);

    private ReadOnlySpan<float> Row(float[] buffer, Entity neuron) => Row(buffer, World.Get<Neuron>(neuron).Slot);

    private ReadOnlySpan<float> Row(float[] buffer, int slot)
    {
        if ((uint)slot >= (uint)Network.NeuronCount)
        {
            throw new ArgumentOutOfRangeException(nameof(slot), slot, $"the network has slots 0..{Network.NeuronCount - 1}");
        }

        return buffer.AsSpan(slot * BatchSize, BatchSize);
    }
}
