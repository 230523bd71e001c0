namespace EcsNet.Baselines;

/// <summary>
/// Samples for the layout benchmarks, sample-major: <c>Inputs[s * InputSize + k]</c>,
/// <c>Targets[s * OutputSize + j]</c>. Any source (synthetic now, MNIST later) only has to fill these arrays.
/// </summary>
public sealed class TrainingData
{
    /// <summary>Wraps existing sample-major arrays (no copy).</summary>
    public TrainingData(float[] inputs, float[] targets, int inputSize, int outputSize)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inputSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(outputSize);
        if (inputs.Length % inputSize != 0 || targets.Length % outputSize != 0
            || inputs.Length / inputSize != targets.Length / outputSize)
        {
            throw new ArgumentException("Inputs and targets must hold the same number of whole samples.");
        }
        Inputs = inputs;
        Targets = targets;
        InputSize = inputSize;
        OutputSize = outputSize;
        Count = inputs.Length / inputSize;
    }

    /// <summary>All inputs, <c>Count × InputSize</c>, sample-major.</summary>
    public float[] Inputs { get; }

    /// <summary>All targets, <c>Count × OutputSize</c>, sample-major.</summary>
    public float[] Targets { get; }

    /// <summary>Values per input sample.</summary>
    public int InputSize { get; }

    /// <summary>Values per target sample.</summary>
    public int OutputSize { get; }

    /// <summary>Number of samples.</summary>
    public int Count { get; }

    /// <summary>Inputs of samples <c>[first, first + m)</c>.</summary>
    public ReadOnlySpan<float> BatchInputs(int first, int m) => Inputs.AsSpan(first * InputSize, m * InputSize);

    /// <summary>Targets of samples <c>[first, first + m)</c>.</summary>
    public ReadOnlySpan<float> BatchTargets(int first, int m) => Targets.AsSpan(first * OutputSize, m * OutputSize);

    /// <summary>
    /// MNIST-like synthetic samples: about 80% of the inputs are exactly 0 (background pixels), the rest
    /// uniform in (0, 1]; targets are one-hot over a uniformly drawn class. Deterministic in <paramref name="seed"/>.
    /// </summary>
    public static TrainingData Synthetic(int count, int inputSize, int outputSize, int seed)
    {
        var rng = new Random(seed);
        var inputs = new float[count * inputSize];
        var targets = new float[count * outputSize];
        for (var s = 0; s < count; s++)
        {
            for (var k = 0; k < inputSize; k++)
            {
                inputs[(s * inputSize) + k] = rng.NextDouble() < 0.8 ? 0f : (float)(1.0 - rng.NextDouble());
            }
            targets[(s * outputSize) + rng.Next(outputSize)] = 1f;
        }
        return new TrainingData(inputs, targets, inputSize, outputSize);
    }

    /// <summary>The four XOR patterns (2 inputs, 1 target), in the usual order 00, 01, 10, 11.</summary>
    public static TrainingData Xor() => new(
        [0f, 0f, 0f, 1f, 1f, 0f, 1f, 1f],
        [0f, 1f, 1f, 0f],
        inputSize: 2,
        outputSize: 1);
}
