namespace EcsNet.Data;

/// <summary>
/// A per-feature affine map y = (x − offset) × scale fitted on a data set (see <see cref="Normalization"/>);
/// applied to inputs only, never to targets, so it can be fitted on training data and reused on test data.
/// </summary>
public sealed class Normalizer
{
    private readonly float[] _offsets;
    private readonly float[] _scales;

    /// <summary>Creates a normalizer from explicit offsets and scales (e.g. read back from a saved model).</summary>
    /// <param name="offsets">Value subtracted from each feature.</param>
    /// <param name="scales">Factor applied after subtracting; must be finite.</param>
    public Normalizer(float[] offsets, float[] scales)
    {
        ArgumentNullException.ThrowIfNull(offsets);
        ArgumentNullException.ThrowIfNull(scales);
        if (offsets.Length != scales.Length || offsets.Length == 0)
        {
            throw new ArgumentException($"offsets ({offsets.Length}) and scales ({scales.Length}) must have the same, positive length.");
        }
        if (!offsets.All(float.IsFinite) || !scales.All(float.IsFinite))
        {
            throw new ArgumentException("offsets and scales must be finite.");
        }
        _offsets = (float[])offsets.Clone();
        _scales = (float[])scales.Clone();
    }

    /// <summary>Number of features this normalizer expects.</summary>
    public int InputSize => _offsets.Length;

    /// <summary>Per-feature offsets (subtracted first).</summary>
    public IReadOnlyList<float> Offsets => _offsets;

    /// <summary>Per-feature scales (multiplied after the offset).</summary>
    public IReadOnlyList<float> Scales => _scales;

    /// <summary>A copy of <paramref name="d"/> with normalized inputs; targets, labels and class names are kept.</summary>
    /// <param name="d">A data set with <see cref="InputSize"/> features.</param>
    public DataSet Apply(DataSet d)
    {
        ArgumentNullException.ThrowIfNull(d);
        CheckWidth(d.InputSize);
        var inputs = (float[])d.Inputs.Clone();
        for (int i = 0; i < d.Count; i++)
        {
            Apply(inputs.AsSpan(i * d.InputSize, d.InputSize));
        }
        return new DataSet(d.Name, inputs, (float[])d.Targets.Clone(), d.InputSize, d.OutputSize, (int[]?)d.Labels?.Clone(), d.ClassNames);
    }

    /// <summary>Normalizes one sample's features in place.</summary>
    /// <param name="sample">Exactly <see cref="InputSize"/> features.</param>
    public void Apply(Span<float> sample)
    {
        CheckWidth(sample.Length);
        for (int f = 0; f < sample.Length; f++)
        {
            sample[f] = (sample[f] - _offsets[f]) * _scales[f];
        }
    }

    private void CheckWidth(int width)
    {
        if (width != _offsets.Length)
        {
            throw new ArgumentException($"Normalizer was fitted on {_offsets.Length} features but got {width}.");
        }
    }
}
