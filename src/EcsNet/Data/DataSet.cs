namespace EcsNet.Data;

/// <summary>
/// A labelled data set held sample-major: <c>Inputs[i * InputSize + f]</c>, <c>Targets[i * OutputSize + o]</c>.
/// </summary>
/// <remarks>
/// The arrays are exposed directly so training loops can slice them without copies; treat them as read-only.
/// Every value is validated finite on construction, so no consumer has to guard against NaN or ∞.
/// </remarks>
public sealed class DataSet
{
    /// <summary>Creates a data set after validating shapes, finiteness and labels.</summary>
    /// <param name="name">Display name.</param>
    /// <param name="inputs">Sample-major features, <c>count * inputSize</c> values.</param>
    /// <param name="targets">Sample-major targets, <c>count * outputSize</c> values.</param>
    /// <param name="inputSize">Features per sample (positive).</param>
    /// <param name="outputSize">Targets per sample (positive).</param>
    /// <param name="labels">Class index per sample for classification sets, else null.</param>
    /// <param name="classNames">Class names indexed by label, or null.</param>
    /// <exception cref="ArgumentException">Shapes disagree, a value is not finite, or a label is out of range.</exception>
    public DataSet(string name, float[] inputs, float[] targets, int inputSize, int outputSize, int[]? labels = null, string[]? classNames = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(targets);
        if (inputSize <= 0)
        {
            throw new ArgumentException($"inputSize must be positive, got {inputSize}.", nameof(inputSize));
        }
        if (outputSize <= 0)
        {
            throw new ArgumentException($"outputSize must be positive, got {outputSize}.", nameof(outputSize));
        }
        if (inputs.Length % inputSize != 0)
        {
            throw new ArgumentException($"inputs has {inputs.Length} values, not a multiple of inputSize {inputSize}.", nameof(inputs));
        }
        int count = inputs.Length / inputSize;
        if ((long)count * outputSize != targets.Length)
        {
            throw new ArgumentException($"targets has {targets.Length} values; {count} samples × outputSize {outputSize} = {(long)count * outputSize} expected.", nameof(targets));
        }
        CheckFinite(inputs, inputSize, nameof(inputs));
        CheckFinite(targets, outputSize, nameof(targets));
        if (classNames is not null && classNames.Length == 0)
        {
            throw new ArgumentException("classNames must not be empty.", nameof(classNames));
        }
        if (labels is not null)
        {
            if (labels.Length != count)
            {
                throw new ArgumentException($"labels has {labels.Length} entries but there are {count} samples.", nameof(labels));
            }
            // A single-output set is binary (labels 0/1); otherwise one output per class (one-hot).
            int classes = classNames?.Length ?? (outputSize == 1 ? 2 : outputSize);
            for (int i = 0; i < labels.Length; i++)
            {
                if ((uint)labels[i] >= (uint)classes)
                {
                    throw new ArgumentException($"labels[{i}] = {labels[i]} is outside [0, {classes}).", nameof(labels));
                }
            }
        }

        Name = name;
        Inputs = inputs;
        Targets = targets;
        InputSize = inputSize;
        OutputSize = outputSize;
        Count = count;
        Labels = labels;
        ClassNames = classNames;
    }

    /// <summary>Display name.</summary>
    public string Name { get; }

    /// <summary>Number of samples.</summary>
    public int Count { get; }

    /// <summary>Features per sample.</summary>
    public int InputSize { get; }

    /// <summary>Targets per sample.</summary>
    public int OutputSize { get; }

    /// <summary>All features, sample-major.</summary>
    public float[] Inputs { get; }

    /// <summary>All targets, sample-major.</summary>
    public float[] Targets { get; }

    /// <summary>Class index per sample for classification sets (targets one-hot, or 0/1 for a single output), else null.</summary>
    public int[]? Labels { get; }

    /// <summary>Class names indexed by label, or null.</summary>
    public string[]? ClassNames { get; }

    /// <summary>
    /// Throws <see cref="ArgumentException"/> unless the samples fit <paramref name="network"/> (same input and output
    /// sizes) and there is at least one; the one shape check every trainer, pass and diagnostic uses.
    /// </summary>
    /// <param name="network">The network the data is for.</param>
    /// <param name="networkName">How the message names the network, e.g. "model m.json".</param>
    public void CheckFits(Network network, string networkName = "the network")
    {
        ArgumentNullException.ThrowIfNull(network);
        if (InputSize != network.InputSize || OutputSize != network.OutputSize)
        {
            throw new ArgumentException(
                $"shape mismatch: {networkName} has {network.InputSize} inputs and {network.OutputSize} outputs, but data '{Name}' has {InputSize} inputs and {OutputSize} outputs");
        }

        if (Count == 0)
        {
            throw new ArgumentException($"data '{Name}' has no samples");
        }
    }

    /// <summary>The features of sample <paramref name="i"/>.</summary>
    /// <param name="i">Sample index.</param>
    public ReadOnlySpan<float> Input(int i)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)i, (uint)Count, nameof(i));
        return Inputs.AsSpan(i * InputSize, InputSize);
    }

    /// <summary>The targets of sample <paramref name="i"/>.</summary>
    /// <param name="i">Sample index.</param>
    public ReadOnlySpan<float> Target(int i)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)i, (uint)Count, nameof(i));
        return Targets.AsSpan(i * OutputSize, OutputSize);
    }

    /// <summary>A copy holding the given samples in the given order (repeats allowed).</summary>
    /// <param name="indices">Sample indices.</param>
    /// <param name="name">Name of the result; defaults to this set's name.</param>
    public DataSet Subset(ReadOnlySpan<int> indices, string? name = null)
    {
        var inputs = new float[indices.Length * InputSize];
        var targets = new float[indices.Length * OutputSize];
        int[]? labels = Labels is null ? null : new int[indices.Length];
        for (int n = 0; n < indices.Length; n++)
        {
            int i = indices[n];
            if ((uint)i >= (uint)Count)
            {
                throw new ArgumentOutOfRangeException(nameof(indices), $"indices[{n}] = {i} is outside [0, {Count}).");
            }
            Array.Copy(Inputs, i * InputSize, inputs, n * InputSize, InputSize);
            Array.Copy(Targets, i * OutputSize, targets, n * OutputSize, OutputSize);
            if (labels is not null)
            {
                labels[n] = Labels![i];
            }
        }
        return new DataSet(name ?? Name, inputs, targets, InputSize, OutputSize, labels, ClassNames);
    }

    /// <summary>
    /// Shuffles the samples with <paramref name="seed"/> (Fisher–Yates on <see cref="SeededRandom"/>, so a split is the
    /// same on every .NET version), then puts the first
    /// round(<paramref name="testFraction"/> × Count) into the test set and the rest into the training set.
    /// Not stratified. With at least two samples both parts are non-empty.
    /// </summary>
    /// <param name="testFraction">Fraction for the test set, strictly between 0 and 1.</param>
    /// <param name="seed">Shuffle seed; the same seed gives the same split.</param>
    public (DataSet Train, DataSet Test) Split(double testFraction, int seed)
    {
        if (!(testFraction > 0 && testFraction < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(testFraction), testFraction, "testFraction must be strictly between 0 and 1.");
        }
        var order = new int[Count];
        for (int i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }
        new SeededRandom(seed).Shuffle(order.AsSpan());
        int testCount = (int)Math.Round(Count * testFraction, MidpointRounding.AwayFromZero);
        if (Count >= 2)
        {
            testCount = Math.Clamp(testCount, 1, Count - 1);
        }
        var test = Subset(order.AsSpan(0, testCount), Name + "-test");
        var train = Subset(order.AsSpan(testCount), Name + "-train");
        return (train, test);
    }

    /// <summary>A copy of the first <paramref name="count"/> samples (all of them if fewer).</summary>
    /// <param name="count">Number of samples to keep (non-negative).</param>
    public DataSet Take(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        count = Math.Min(count, Count);
        return new DataSet(
            Name,
            Inputs.AsSpan(0, count * InputSize).ToArray(),
            Targets.AsSpan(0, count * OutputSize).ToArray(),
            InputSize,
            OutputSize,
            Labels?.AsSpan(0, count).ToArray(),
            ClassNames);
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Name}: {Count} samples, {InputSize} inputs, {OutputSize} outputs";

    private static void CheckFinite(float[] values, int width, string paramName)
    {
        for (int i = 0; i < values.Length; i++)
        {
            if (!float.IsFinite(values[i]))
            {
                throw new ArgumentException($"{paramName}: sample {i / width}, column {i % width} is {values[i]}; values must be finite.", paramName);
            }
        }
    }
}
