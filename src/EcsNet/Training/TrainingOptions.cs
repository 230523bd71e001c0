namespace EcsNet.Training;

/// <summary>The hyperparameters of a training run. <see cref="Validate"/> rejects nonsense before any work starts.</summary>
public sealed record TrainingOptions
{
    /// <summary>Passes over the training set.</summary>
    public int Epochs { get; init; } = 30;

    /// <summary>Mini-batch size m: 1 = incremental (per-sample) descent, 0 = full batch descent.</summary>
    public int BatchSize { get; init; } = 10;

    /// <summary>The learning rate η.</summary>
    public float LearningRate { get; init; } = 3.0f;

    /// <summary>How η decays with the epoch.</summary>
    public LearningRateSchedule Schedule { get; init; } = LearningRateSchedule.Constant;

    /// <summary>The update rule.</summary>
    public Optimizer Optimizer { get; init; } = Optimizer.Sgd;

    /// <summary>λ₁ of the L1 penalty λ₁|w| (per weight, per update).</summary>
    public float L1 { get; init; }

    /// <summary>λ₂ of the L2 penalty ½λ₂w² (per weight, per update).</summary>
    public float L2 { get; init; }

    /// <summary>A fraction of the training set held out for validation (0 = none).</summary>
    public double ValidationFraction { get; init; }

    /// <summary>Stop after this many epochs without a better validation cost, keeping the best weights (0 = never).</summary>
    public int EarlyStopPatience { get; init; }

    /// <summary>Stop once the epoch's training cost is at or below this value (null = never).</summary>
    public double? ErrorThreshold { get; init; }

    /// <summary>Seeds the shuffling and the validation split.</summary>
    public long Seed { get; init; }

    /// <summary>
    /// Epochs already trained, when continuing a saved run: epochs are numbered from <c>StartEpoch + 1</c> and the η
    /// schedule continues from there; <see cref="Epochs"/> more are trained.
    /// </summary>
    public int StartEpoch { get; init; }

    /// <summary>Shuffle the training set every epoch (the default); false visits the samples in their stored order, as
    /// Mitchell's incremental rule (Utah) does.</summary>
    public bool Shuffle { get; init; } = true;

    /// <summary>Whether a mini-batch's update uses the mean of its samples' gradients (D = Δ/m, Unicamp; the default)
    /// or their sum (Mitchell's GRADIENT-DESCENT, Seoul's batch_update).</summary>
    public BatchGradient BatchGradient { get; init; } = BatchGradient.Mean;

    /// <summary>The mini-batch size used on <paramref name="samples"/> training samples: full batch for 0, and a batch
    /// larger than the data is clamped to the data (as Keras does) rather than refused.</summary>
    public int BatchSizeFor(int samples) => BatchSize == 0 ? samples : Math.Min(BatchSize, samples);

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid value and what is valid.</summary>
    public void Validate()
    {
        if (Epochs <= 0)
        {
            throw new ArgumentException($"epochs must be at least 1 (got {Epochs})");
        }

        if (StartEpoch < 0)
        {
            throw new ArgumentException($"start epoch must be ≥ 0 (got {StartEpoch})");
        }

        if (BatchSize < 0)
        {
            throw new ArgumentException($"batch size must be 0 (full batch), 1 (incremental) or more (got {BatchSize})");
        }

        if (!(LearningRate > 0) || !float.IsFinite(LearningRate))
        {
            throw new ArgumentException($"learning rate must be a finite number > 0 (got {LearningRate})");
        }

        if (!(L1 >= 0) || !float.IsFinite(L1) || !(L2 >= 0) || !float.IsFinite(L2))
        {
            throw new ArgumentException($"L1 and L2 must be finite numbers ≥ 0 (got l1={L1}, l2={L2})");
        }

        if (!(ValidationFraction >= 0 && ValidationFraction < 1))
        {
            throw new ArgumentException($"validation fraction must be in [0, 1) (got {ValidationFraction})");
        }

        if (!Enum.IsDefined(BatchGradient))
        {
            throw new ArgumentException($"batch gradient must be Mean or Sum (got {BatchGradient})");
        }

        if (EarlyStopPatience < 0)
        {
            throw new ArgumentException($"early-stop patience must be ≥ 0 (got {EarlyStopPatience})");
        }

        if (EarlyStopPatience > 0 && ValidationFraction == 0)
        {
            throw new ArgumentException("early stopping watches the validation cost: give a validation fraction > 0");
        }

        if (ErrorThreshold is { } e && (!(e >= 0) || double.IsInfinity(e)))
        {
            throw new ArgumentException($"error threshold must be a finite number ≥ 0 (got {e})");
        }
    }
}
