namespace EcsNet;

/// <summary>
/// The values of one mini-batch for every neuron, neuron-major: element <c>[slot * m + b]</c> is the neuron in that slot
/// for sample b. Laid out this way, a synapse k → j touches two contiguous rows of m floats, so one pass over the
/// synapse serves the whole batch with SIMD.
/// </summary>
internal sealed class BatchBuffers
{
    private readonly int _neurons;
    private readonly int _outputs;

    public BatchBuffers(int neurons, int outputs)
    {
        _neurons = neurons;
        _outputs = outputs;
    }

    /// <summary>The current batch size m.</summary>
    public int Size { get; private set; }

    /// <summary>The largest m the buffers hold without growing.</summary>
    public int Capacity { get; private set; }

    /// <summary>z_j^l per sample.</summary>
    public float[] Z { get; private set; } = [];

    /// <summary>a_j^l per sample (the input layer's rows hold the data).</summary>
    public float[] A { get; private set; } = [];

    /// <summary>δ_j^l per sample.</summary>
    public float[] D { get; private set; } = [];

    /// <summary>∂C/∂a_j^l per sample: Σ_k w_kj δ_k while the hidden deltas are formed.</summary>
    public float[] G { get; private set; } = [];

    /// <summary>a transposed: element <c>[b * neurons + slot]</c>. Loading a batch writes the input rows; the gradient
    /// pass fills the hidden slots its tiles read with <see cref="SampleMajorActivations"/>.</summary>
    public float[] AT { get; private set; } = [];

    /// <summary>The targets y of the output layer, neuron-major.</summary>
    public float[] Y { get; private set; } = [];

    /// <summary>m floats of working space for a pass that needs one row more.</summary>
    public float[] Scratch { get; private set; } = [];

    /// <summary>Whether <see cref="Y"/> holds targets for the current batch.</summary>
    public bool HasTargets { get; set; }

    /// <summary>Sets m, growing the buffers if needed (the only allocation a training step can make).</summary>
    public void Resize(int m)
    {
        if (m > Capacity)
        {
            Capacity = Math.Max(m, Capacity * 2);
            Z = new float[_neurons * Capacity];
            A = new float[_neurons * Capacity];
            D = new float[_neurons * Capacity];
            G = new float[_neurons * Capacity];
            AT = new float[_neurons * Capacity];
            Y = new float[_outputs * Capacity];
            Scratch = new float[Capacity];
        }

        Size = m;
    }

    /// <summary>
    /// Fills <see cref="AT"/> for slots [<paramref name="from"/>, <paramref name="to"/>) from <see cref="A"/>. (The input
    /// layer's rows are written sample-major directly when a batch is loaded.) With one sample the two layouts are the
    /// same and the tiles read <see cref="A"/> itself, so there is nothing to copy.
    /// </summary>
    public void SampleMajorActivations(int from, int to)
    {
        var m = Size;
        if (m > 1 && to > from)
        {
            Kernels.Transpose.Run(A.AsSpan(from * m, (to - from) * m), m, AT.AsSpan(from), _neurons, to - from, m);
        }
    }

    /// <summary>The rows of <paramref name="count"/> consecutive slots.</summary>
    public Span<float> Rows(float[] buffer, int firstSlot, int count) => buffer.AsSpan(firstSlot * Size, count * Size);
}
