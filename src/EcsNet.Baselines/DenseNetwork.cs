using System.Numerics.Tensors;
using EcsNet.Kernels;

namespace EcsNet.Baselines;

/// <summary>
/// The dense reference layout — the "physical limit" yardstick: per-layer weight matrices in 64-byte aligned,
/// zero-padded buffers and the register-tiled AVX-512 kernels of <see cref="DenseKernels"/>.
/// </summary>
/// <remarks>
/// <para>One <see cref="TrainStep"/> is Nielsen's mini-batch SGD step (sigmoid everywhere, quadratic cost):
/// forward, output delta, then for each layer from the top: hidden delta of the layer below (with the old
/// weights), then the fused gradient + update of this layer's weights. The per-layer gradient is never
/// stored: the update adds −η/m · Σ_s δ aᵀ straight from the accumulators.</para>
/// <para>Zero allocations per step: every buffer is sized for <c>maxBatch</c> at construction. With
/// <c>threads</c> &gt; 1 each phase splits the rows (forward, update), columns (hidden delta) or samples
/// (sigmoid) of a layer into 8 fixed contiguous chunks per thread, which the library's persistent workers
/// claim dynamically; every element is computed by the same instruction sequence whatever the partition, so
/// results are bit-identical for any thread count.</para>
/// <para>Buffers live on the pinned object heap (never moved), so the kernels use raw pointers without
/// per-step pinning; the arrays stay referenced by this object. Dispose stops the worker threads.</para>
/// </remarks>
public sealed unsafe class DenseNetwork : IDisposable, IPartitionedJob
{
    private const int Lanes = DenseKernels.Lanes;
    private const int ChunksPerThread = 8;

    private readonly int[] _sizes;
    private readonly int[] _strides; // Padded layer widths (multiples of 16).
    private readonly float*[] _weights; // [l]: _sizes[l+1] rows × _strides[l]
    private readonly float*[] _biases; // [l]: _sizes[l+1]
    private readonly float*[] _activations; // [i]: maxBatch × _strides[i], sample-major; [0] holds the inputs.
    private readonly float*[] _deltas; // [l]: maxBatch × _strides[l+1], delta of layer l+1.
    private readonly List<float[]> _keepAlive = [];
    private readonly WorkerPool? _pool;

    // The phase the workers run next; written by the caller before WorkerPool.Run (which publishes it).
    private Phase _phase;
    private int _layer;
    private int _batch;
    private float _scale;
    private int _chunks = 1; // Pieces the current phase is split into.
    private int _nextChunk; // Next unclaimed piece (multi-threaded only).
    private bool _disposed;

    /// <summary>Builds the network with <paramref name="setup"/>'s initial parameters (copied).</summary>
    /// <param name="setup">Shape and initial weights; a pruning mask is ignored (this layout is always dense).</param>
    /// <param name="maxBatch">Largest mini-batch <see cref="TrainStep"/> will be given.</param>
    /// <param name="threads">Number of threads per step (1 = the caller only).</param>
    public DenseNetwork(NetworkSetup setup, int maxBatch, int threads = 1)
    {
        ArgumentNullException.ThrowIfNull(setup);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxBatch);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(threads);
        _sizes = (int[])setup.Sizes.Clone();
        MaxBatch = maxBatch;
        Threads = threads;
        var layers = setup.LayerCount;
        _strides = new int[_sizes.Length];
        _activations = new float*[_sizes.Length];
        for (var i = 0; i < _sizes.Length; i++)
        {
            _strides[i] = PaddedStride(_sizes[i]);
            _activations[i] = Allocate(maxBatch * _strides[i]);
        }
        _weights = new float*[layers];
        _biases = new float*[layers];
        _deltas = new float*[layers];
        for (var l = 0; l < layers; l++)
        {
            int rows = _sizes[l + 1], columns = _sizes[l];
            _weights[l] = Allocate(rows * _strides[l]);
            for (var j = 0; j < rows; j++)
            {
                setup.Weights[l].AsSpan(j * columns, columns).CopyTo(new Span<float>(_weights[l] + (j * _strides[l]), columns));
            }
            _biases[l] = Allocate(_strides[l + 1]);
            setup.Biases[l].CopyTo(new Span<float>(_biases[l], rows));
            _deltas[l] = Allocate(maxBatch * _strides[l + 1]);
        }
        _pool = threads > 1 ? new WorkerPool(threads) : null;
    }

    private enum Phase
    {
        Forward,
        Activate,
        BackpropDelta,
        Update,
    }

    /// <summary>Neurons per layer, input first.</summary>
    public IReadOnlyList<int> Sizes => _sizes;

    /// <summary>Number of weight layers.</summary>
    public int LayerCount => _weights.Length;

    /// <summary>Largest supported mini-batch.</summary>
    public int MaxBatch { get; }

    /// <summary>Threads used per step.</summary>
    public int Threads { get; }

    /// <summary>
    /// One mini-batch SGD step on <paramref name="m"/> samples: <paramref name="inputs"/> is
    /// <c>m × Sizes[0]</c> and <paramref name="targets"/> <c>m × Sizes[^1]</c>, both sample-major.
    /// </summary>
    public void TrainStep(ReadOnlySpan<float> inputs, ReadOnlySpan<float> targets, int m, float eta)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(m);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(m, MaxBatch);
        int inputSize = _sizes[0], outputSize = _sizes[^1];
        if (inputs.Length < m * inputSize || targets.Length < m * outputSize)
        {
            throw new ArgumentException("Inputs or targets hold fewer than m samples.");
        }

        // Copy the inputs into the aligned, zero-padded input buffer. It costs ~1% at 784-100-10 and buys
        // aligned loads and stride padding for every input width.
        var input = _activations[0];
        for (var s = 0; s < m; s++)
        {
            inputs.Slice(s * inputSize, inputSize).CopyTo(new Span<float>(input + (s * _strides[0]), inputSize));
        }

        _batch = m;
        for (var l = 0; l < LayerCount; l++)
        {
            Run(Phase.Forward, l);
            Run(Phase.Activate, l);
        }

        // Output delta δ^L = (a − y) ⊙ a(1 − a): m × (≤ a few dozen) values, not worth a thread hop.
        int last = LayerCount - 1, stride = _strides[^1];
        float* output = _activations[^1], delta = _deltas[last];
        for (var s = 0; s < m; s++)
        {
            var y = targets.Slice(s * outputSize, outputSize);
            for (var j = 0; j < outputSize; j++)
            {
                var a = output[(s * stride) + j];
                delta[(s * stride) + j] = (a - y[j]) * (a * (1f - a));
            }
        }

        _scale = -eta / m;
        for (var l = last; l >= 0; l--)
        {
            if (l > 0)
            {
                Run(Phase.BackpropDelta, l); // Needs W^l before its update.
            }
            Run(Phase.Update, l);
        }
    }

    /// <summary>A fresh, unpadded copy of weight layer <paramref name="layer"/>, <c>[j * Sizes[layer] + k]</c>.</summary>
    public float[] Weights(int layer)
    {
        int rows = _sizes[layer + 1], columns = _sizes[layer];
        var result = new float[rows * columns];
        for (var j = 0; j < rows; j++)
        {
            new ReadOnlySpan<float>(_weights[layer] + (j * _strides[layer]), columns).CopyTo(result.AsSpan(j * columns));
        }
        return result;
    }

    /// <summary>A fresh copy of the biases of weight layer <paramref name="layer"/>.</summary>
    public float[] Biases(int layer) => new ReadOnlySpan<float>(_biases[layer], _sizes[layer + 1]).ToArray();

    /// <summary>The activations of the output layer for sample <paramref name="s"/> of the last step.</summary>
    public ReadOnlySpan<float> Output(int s) => new(_activations[^1] + (s * _strides[^1]), _sizes[^1]);

    /// <summary>Stops the worker threads (no-op for one thread); safe to call twice.</summary>
    public void Dispose()
    {
        // The library's pool must not be disposed twice (its semaphores would be released after disposal).
        if (!_disposed)
        {
            _disposed = true;
            _pool?.Dispose();
        }
    }

    private void Run(Phase phase, int layer)
    {
        _phase = phase;
        _layer = layer;
        if (_pool is null)
        {
            _chunks = 1;
            RunChunk(0);
        }
        else
        {
            _chunks = Threads * ChunksPerThread;
            _nextChunk = 0;
            _pool.Run(this);
        }
    }

    /// <summary>
    /// A worker's share of a phase: it claims fixed chunks until none are left. Why not one fixed range per
    /// thread: on a shared machine one thread can be descheduled for milliseconds, and every phase would wait
    /// for it; with claimed chunks the other thread takes over its work. The chunk boundaries are fixed and
    /// each element is computed by the same instructions whichever thread runs its chunk, so results stay
    /// bit-identical to the single-threaded network, and no two parts ever touch the same chunk (the
    /// <see cref="IPartitionedJob"/> contract).
    /// </summary>
    void IPartitionedJob.Execute(int part, int parts)
    {
        int chunk;
        while ((chunk = Interlocked.Increment(ref _nextChunk) - 1) < _chunks)
        {
            RunChunk(chunk);
        }
    }

    private void RunChunk(int part)
    {
        var l = _layer;
        var m = _batch;
        int rows = _sizes[l + 1], inStride = _strides[l], outStride = _strides[l + 1];
        switch (_phase)
        {
            case Phase.Forward:
                {
                    var (j0, j1) = Split(rows, part, 4);
                    var z = _activations[l + 1];
                    DenseKernels.Forward(_weights[l], inStride, _activations[l], inStride, inStride, _biases[l], z, outStride, j0, j1, m);
                    break;
                }
            case Phase.Activate:
                {
                    // One TensorPrimitives call over whole padded rows of this part's samples: a per-row call
                    // costs more than the sigmoids themselves at small widths. The span length is a multiple of 16,
                    // so every element goes through the same full-width vector code whatever the split (a
                    // narrower tail path could round differently and break 1-vs-2-thread equality). The padding
                    // columns become σ(0) = 0.5 and are zeroed again: the update would otherwise grow the zero
                    // padding columns of the next weight matrix.
                    var (s0, s1) = Split(m, part, 1);
                    if (s1 == s0)
                    {
                        break; // m < threads: nothing for this part (TensorPrimitives rejects empty spans).
                    }
                    var a = _activations[l + 1];
                    var block = new Span<float>(a + (s0 * outStride), (s1 - s0) * outStride);
                    TensorPrimitives.Sigmoid(block, block);
                    if (outStride > rows)
                    {
                        for (var s = s0; s < s1; s++)
                        {
                            new Span<float>(a + (s * outStride) + rows, outStride - rows).Clear();
                        }
                    }
                    break;
                }
            case Phase.BackpropDelta:
                {
                    // δ^(l) = (W^(l+1))ᵀ δ^(l+1) ⊙ σ′, for the columns (= neurons of layer l) owned by this part.
                    var (k0, k1) = Split(inStride, part, Lanes);
                    DenseKernels.BackpropDelta(
                        _weights[l], inStride, rows, _deltas[l], outStride, _activations[l], inStride, _deltas[l - 1], inStride, k0, k1, m);
                    break;
                }
            case Phase.Update:
                {
                    var (j0, j1) = Split(rows, part, 4);
                    DenseKernels.Update(
                        _weights[l], inStride, inStride, _biases[l], _deltas[l], outStride, _activations[l], inStride, j0, j1, m, _scale);
                    break;
                }
        }
    }

    /// <summary>Contiguous range of <paramref name="count"/> for one chunk; boundaries are multiples of <paramref name="align"/>.</summary>
    private (int Start, int End) Split(int count, int part, int align)
    {
        var chunk = (count + (_chunks * align) - 1) / (_chunks * align) * align;
        var start = Math.Min(count, part * chunk);
        return (start, Math.Min(count, start + chunk));
    }

    /// <summary>
    /// Row stride for a layer of <paramref name="width"/> neurons: rounded up to whole vectors, plus one
    /// vector when that is a multiple of 1 KiB. Why: the hidden-delta pass walks down a column strip of W, and
    /// rows 4 KiB apart (1024 floats) all map to the same few cache sets, so a 256 KiB strip thrashes a 1 MiB L2;
    /// an extra 64 bytes per row spreads the rows over every set.
    /// </summary>
    private static int PaddedStride(int width)
    {
        var stride = (width + Lanes - 1) / Lanes * Lanes;
        return stride % 256 == 0 ? stride + Lanes : stride;
    }

    /// <summary>A zeroed, 64-byte aligned buffer on the pinned object heap (never moves, so raw pointers stay valid).</summary>
    private float* Allocate(int count)
    {
        var array = GC.AllocateArray<float>(count + Lanes, pinned: true);
        _keepAlive.Add(array);
        fixed (float* p = array)
        {
            return (float*)(((nint)p + 63) & ~(nint)63);
        }
    }
}
