using EcsNet.Components;
using EcsNet.Data;
using EcsNet.Systems;
using EcsNet.Training;

namespace EcsNet;

public sealed partial class Network
{
    private int _accumulatedSamples;
    private float[] _single = [];

    /// <summary>The current batch size m.</summary>
    public int BatchSize => Batch.Size;

    /// <summary>
    /// Loads m samples given sample-major (<paramref name="inputs"/>[b * n_0 + k]) with optional targets
    /// (<paramref name="targets"/>[b * n_L + j]) into the batch buffers.
    /// </summary>
    public void LoadBatch(ReadOnlySpan<float> inputs, ReadOnlySpan<float> targets, int m)
    {
        CheckBatch(m, inputs.Length, InputSize, "inputs");
        if (!targets.IsEmpty)
        {
            CheckBatch(m, targets.Length, OutputSize, "targets");
        }

        Batch.Resize(m);

        // Copied sample-major into AT (where tiles that read inputs find the batch), then transposed from there: one
        // streaming copy from memory and a transpose in cache measured faster than transposing straight from the
        // caller's rows, even for a network no tile of which reads the inputs.
        for (var b = 0; b < m; b++)
        {
            inputs.Slice(b * InputSize, InputSize).CopyTo(Batch.AT.AsSpan(b * NeuronCount, InputSize));
        }

        FromSampleMajorInputs(m);
        Batch.HasTargets = !targets.IsEmpty;
        if (Batch.HasTargets)
        {
            Kernels.Transpose.Run(targets, OutputSize, Batch.Y.AsSpan(0, OutputSize * m), m, m, OutputSize);
        }
    }

    /// <summary>Loads the samples <paramref name="indices"/> of <paramref name="data"/> as one batch.</summary>
    public void LoadBatch(DataSet data, ReadOnlySpan<int> indices)
    {
        ArgumentNullException.ThrowIfNull(data);
        data.CheckFits(this);
        var m = indices.Length;
        if (m == 0)
        {
            throw new ArgumentException("a batch needs at least one sample");
        }

        Batch.Resize(m);
        var sampleMajor = Batch.AT;
        var y = Batch.Y;
        for (var b = 0; b < m; b++)
        {
            data.Input(indices[b]).CopyTo(sampleMajor.AsSpan(b * NeuronCount, InputSize));
            var t = data.Target(indices[b]);
            for (var j = 0; j < t.Length; j++)
            {
                y[j * m + b] = t[j];
            }
        }

        FromSampleMajorInputs(m);
        Batch.HasTargets = true;
    }

    /// <summary>Runs the feedforward pass on the loaded batch, as inference (systems see <see cref="StepContext.IsTraining"/> false).</summary>
    public void Forward() => RunForward(training: false);

    /// <summary>The feedforward phases: user systems before, the built-in pass, user systems after.</summary>
    internal void RunForward(bool training)
    {
        Context.IsTraining = training;
        Systems.Run(StepPhase.BeforeFeedforward);
        Systems.Run(StepPhase.Feedforward);
        Systems.Run(StepPhase.AfterFeedforward);
    }

    /// <summary>
    /// After <see cref="Forward"/>: computes the output delta, the hidden deltas and adds ∂C/∂w and ∂C/∂b of every
    /// sample of the batch to the <see cref="WeightGradient"/> and <see cref="BiasGradient"/> components.
    /// Returns Σ_x C_x over the batch (the cost before any update).
    /// </summary>
    public double Backpropagate()
    {
        if (!Batch.HasTargets)
        {
            throw new InvalidOperationException("backpropagation needs targets: load the batch with LoadBatch(inputs, targets, m)");
        }

        var cost = BatchCost();
        RunBackward();
        return cost;
    }

    private void RunBackward()
    {
        Context.Descend = false;
        Systems.Run(StepPhase.Backpropagation);
        _accumulatedSamples += Batch.Size;
        Systems.Run(StepPhase.AfterBackpropagation);
    }

    private void RunUpdate(in UpdateSettings settings, bool descend)
    {
        Context.Settings = settings;
        Context.Descend = descend;
        if (descend)
        {
            Systems.Run(StepPhase.Backpropagation);
        }

        Systems.Run(StepPhase.Update);
        Context.Descend = false;
        Systems.Run(StepPhase.AfterUpdate);
    }

    /// <summary>
    /// Applies the accumulated gradients, scaled by 1/m for the m samples accumulated since the last update (or summed,
    /// with <see cref="BatchGradient.Sum"/>), with <paramref name="optimizer"/> at learning rate η and optional L1/L2
    /// penalties on the weights; then clears them.
    /// </summary>
    public void ApplyGradients(Optimizer optimizer, float learningRate, float l1 = 0f, float l2 = 0f, BatchGradient gradient = BatchGradient.Mean)
    {
        ArgumentNullException.ThrowIfNull(optimizer);
        CheckLearningRate(learningRate);

        if (_accumulatedSamples == 0)
        {
            return;
        }

        UpdateCount++;
        var settings = new UpdateSettings(optimizer, learningRate, Scale(gradient, _accumulatedSamples), l1, l2, UpdateCount);
        _accumulatedSamples = 0;
        RunUpdate(in settings, descend: false);
    }

    /// <summary>One step of gradient descent on the loaded batch: forward, backpropagate, update. Returns Σ_x C_x.</summary>
    public double TrainStep(Optimizer optimizer, float learningRate, float l1 = 0f, float l2 = 0f, BatchGradient gradient = BatchGradient.Mean)
    {
        RunForward(training: true);
        return BackpropagateAndUpdate(optimizer, learningRate, l1, l2, gradient);
    }

    /// <summary>
    /// After <see cref="Forward"/>: backpropagates and updates, unless the batch's cost is not finite, in which case
    /// nothing changes and the cost is returned for the caller to report. Plain SGD on a network with no per-synapse
    /// learning rates or frozen synapses, and no user system that needs ∂C/∂w, takes the fused path (w −= η/m Σ a·δ in
    /// the gradient pass itself); the result equals the unfused one to float rounding.
    /// </summary>
    internal double BackpropagateAndUpdate(Optimizer optimizer, float learningRate, float l1, float l2, BatchGradient gradient = BatchGradient.Mean)
    {
        CheckLearningRate(learningRate);
        if (!Batch.HasTargets)
        {
            throw new InvalidOperationException("training needs targets: load the batch with LoadBatch(inputs, targets, m)");
        }

        var cost = BatchCost();
        if (!double.IsFinite(cost))
        {
            return cost;
        }

        if (CanFuse(optimizer, l1, l2))
        {
            UpdateCount++;
            RunUpdate(new UpdateSettings(optimizer, learningRate, Scale(gradient, Batch.Size), 0f, 0f, UpdateCount), descend: true);
            return cost;
        }

        // User systems after backpropagation see this step's optimiser and η already.
        Context.Settings = new UpdateSettings(optimizer, learningRate, Scale(gradient, _accumulatedSamples + Batch.Size), l1, l2, UpdateCount + 1);
        RunBackward();
        ApplyGradients(optimizer, learningRate, l1, l2, gradient);
        return cost;
    }

    private static float Scale(BatchGradient gradient, int samples) => gradient == BatchGradient.Sum ? 1f : 1f / samples;

    /// <summary>Whether the gradient pass may update the weights itself: nothing needs the gradient stored.</summary>
    private bool CanFuse(Optimizer optimizer, float l1, float l2)
        => optimizer.Kind == OptimizerKind.Sgd && l1 == 0f && l2 == 0f && _accumulatedSamples == 0
           && !CurrentStructure().HasSynapsesWithOwnRule
           && !Systems.HasUserSystems(StepPhase.Backpropagation)
           && !Systems.HasUserSystems(StepPhase.AfterBackpropagation)
           && !Systems.HasUserSystems(StepPhase.Update);

    private double BatchCost()
    {
        var output = OutputLayer;
        return Cost.Sum(Batch.Rows(Batch.A, output.FirstSlot, output.Size), Batch.Y.AsSpan(0, output.Size * Batch.Size), output.Size, Batch.Size);
    }

    private static void CheckLearningRate(float learningRate)
    {
        if (!(learningRate > 0f) || !float.IsFinite(learningRate))
        {
            throw new ArgumentOutOfRangeException(nameof(learningRate), learningRate, "the learning rate η must be a finite number > 0");
        }
    }

    /// <summary>Feeds one sample forward and returns a_L (valid until the next pass).</summary>
    public ReadOnlySpan<float> Predict(ReadOnlySpan<float> input)
    {
        LoadBatch(input, [], 1);
        RunForward(training: false);
        if (_single.Length != OutputSize)
        {
            _single = new float[OutputSize];
        }

        Outputs.CopyTo(_single);
        return _single;
    }

    /// <summary>a_L for the current batch, neuron-major: element [j * m + b].</summary>
    public ReadOnlySpan<float> Outputs => Batch.Rows(Batch.A, OutputLayer.FirstSlot, OutputSize);

    /// <summary>The value of <paramref name="buffer"/> for the neuron (layer, index) and sample b of the current batch.</summary>
    public float Value(NeuronValue buffer, int layer, int index, int sample = 0)
    {
        if ((uint)sample >= (uint)Batch.Size)
        {
            throw new ArgumentOutOfRangeException(nameof(sample), sample, $"the batch has samples 0..{Batch.Size - 1}");
        }

        var array = buffer switch
        {
            NeuronValue.NetInput => Batch.Z,
            NeuronValue.Activation => Batch.A,
            NeuronValue.Delta => Batch.D,
            _ => throw new ArgumentOutOfRangeException(nameof(buffer)),
        };
        return array[Slot(layer, index) * Batch.Size + sample];
    }

    private static void CheckBatch(int m, int length, int width, string what)
    {
        if (m <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(m), m, "a batch needs at least one sample");
        }

        if (length != m * width)
        {
            throw new ArgumentException($"{what}: expected {m} samples × {width} values = {m * width}, got {length}");
        }
    }

    /// <summary>The inputs were written sample-major into AT (where the gradient pass reads them); the forward pass
    /// reads them neuron-major.</summary>
    private void FromSampleMajorInputs(int m)
        => Kernels.Transpose.Run(Batch.AT, NeuronCount, Batch.A.AsSpan(0, InputSize * m), m, m, InputSize);
}

/// <summary>Which per-sample value of a neuron to read.</summary>
public enum NeuronValue
{
    /// <summary>z_j^l.</summary>
    NetInput,

    /// <summary>a_j^l.</summary>
    Activation,

    /// <summary>δ_j^l.</summary>
    Delta,
}
