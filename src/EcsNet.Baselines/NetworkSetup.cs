using EcsNet.ActivationFunctions;
using EcsNet.Training;

namespace EcsNet.Baselines;

/// <summary>
/// The shape and the deterministic initial parameters shared by every layout of a benchmark, so that
/// EcsNet (<see cref="BuildNetwork"/>), the dense reference (<see cref="DenseNetwork"/>) and the object graph
/// (<see cref="ObjectGraphNetwork"/>) start from bit-identical weights.
/// </summary>
/// <remarks>
/// Weight layer <c>l</c> (0-based) connects layer <c>Sizes[l]</c> (source, index k) to layer <c>Sizes[l + 1]</c>
/// (target, index j); it is the lectures' W^(l+2). <c>Weights[l][j * Sizes[l] + k]</c> = w_jk, row-major with
/// row = target neuron, exactly like Nielsen's <c>network.py</c>. Initialisation also follows network.py:
/// all biases N(0,1) first (layer by layer), then all weights N(0,1), drawn by Box–Muller from
/// <c>new Random(seed)</c>. When a pruning mask is present the pruned weights are 0 and must never be updated.
/// </remarks>
public sealed class NetworkSetup
{
    private NetworkSetup(int[] sizes, int seed, float[][] weights, float[][] biases, bool[][]? mask)
    {
        Sizes = sizes;
        Seed = seed;
        Weights = weights;
        Biases = biases;
        Mask = mask;
    }

    /// <summary>Neurons per layer, input layer first, e.g. [784, 100, 10].</summary>
    public int[] Sizes { get; }

    /// <summary>The seed the parameters (and the mask, with a derived seed) were drawn from.</summary>
    public int Seed { get; }

    /// <summary>Number of weight layers (= number of non-input layers).</summary>
    public int LayerCount => Sizes.Length - 1;

    /// <summary>Initial weights per weight layer, <c>[l][j * Sizes[l] + k]</c>. Do not mutate: layouts copy.</summary>
    public float[][] Weights { get; }

    /// <summary>Initial biases per weight layer, <c>[l][j]</c> for neuron j of layer <c>l + 1</c>.</summary>
    public float[][] Biases { get; }

    /// <summary>
    /// Which synapses exist, same indexing as <see cref="Weights"/>; <c>null</c> means fully connected.
    /// </summary>
    public bool[][]? Mask { get; }

    /// <summary>True when some synapses were pruned away.</summary>
    public bool IsPruned => Mask is not null;

    /// <summary>Number of existing synapses (pruned ones excluded).</summary>
    public long SynapseCount
    {
        get
        {
            long count = 0;
            for (var l = 0; l < LayerCount; l++)
            {
                if (Mask is null)
                {
                    count += (long)Sizes[l] * Sizes[l + 1];
                }
                else
                {
                    foreach (var keep in Mask[l])
                    {
                        count += keep ? 1 : 0;
                    }
                }
            }
            return count;
        }
    }

    /// <summary>Whether synapse k → j of weight layer <paramref name="layer"/> exists.</summary>
    public bool IsConnected(int layer, int j, int k) => Mask is null || Mask[layer][j * Sizes[layer] + k];

    /// <summary>
    /// The ECS network with these parameters, sigmoid everywhere: dense layers where nothing is pruned, one explicit
    /// synapse entity per surviving connection where it is (so pruned synapses do not exist, as in the object graph).
    /// </summary>
    /// <param name="threads">Threads for the synapse passes (<see cref="Network.Threads"/>).</param>
    public Network BuildNetwork(int threads = 1)
    {
        var builder = new NetworkBuilder().Input(Sizes[0]);
        for (var l = 0; l < LayerCount; l++)
        {
            int from = Sizes[l], to = Sizes[l + 1];
            if (IsPruned)
            {
                builder.Sparse(to, ActivationFunction.Sigmoid);
                for (var j = 0; j < to; j++)
                {
                    for (var k = 0; k < from; k++)
                    {
                        if (IsConnected(l, j, k))
                        {
                            builder.Connect(l, k, l + 1, j, Weights[l][(j * from) + k]);
                        }
                    }
                }
            }
            else
            {
                var rows = new float[to][];
                for (var j = 0; j < to; j++)
                {
                    rows[j] = Weights[l].AsSpan(j * from, from).ToArray();
                }

                builder.Dense(to, ActivationFunction.Sigmoid).Weights(l + 1, rows);
            }

            builder.Biases(l + 1, Biases[l]);
        }

        // Zero: every weight and bias is set above; nothing may be drawn on top of them.
        var network = builder.Build(Initializer.Zero);
        network.Threads = threads;
        return network;
    }

    /// <summary>
    /// Builds a network setup. With <paramref name="keepFraction"/> &lt; 1 exactly
    /// round(keepFraction × n) synapses of every weight layer are kept, chosen by a seeded partial
    /// Fisher–Yates shuffle (seed derived from <paramref name="seed"/>), and the others are set to 0.
    /// </summary>
    public static NetworkSetup Create(int[] sizes, int seed, double keepFraction = 1.0)
    {
        ArgumentNullException.ThrowIfNull(sizes);
        if (sizes.Length < 2)
        {
            throw new ArgumentException("A network needs at least an input and an output layer.", nameof(sizes));
        }
        foreach (var size in sizes)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(size, nameof(sizes));
        }
        if (keepFraction is <= 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(keepFraction), "Keep fraction must be in (0, 1].");
        }

        var layers = sizes.Length - 1;
        var gaussian = new GaussianSource(new Random(seed));
        var biases = new float[layers][];
        for (var l = 0; l < layers; l++)
        {
            biases[l] = new float[sizes[l + 1]];
            for (var j = 0; j < biases[l].Length; j++)
            {
                biases[l][j] = gaussian.Next();
            }
        }
        var weights = new float[layers][];
        for (var l = 0; l < layers; l++)
        {
            weights[l] = new float[sizes[l + 1] * sizes[l]];
            for (var i = 0; i < weights[l].Length; i++)
            {
                weights[l][i] = gaussian.Next();
            }
        }

        bool[][]? mask = null;
        if (keepFraction < 1)
        {
            // A separate generator, so that pruning does not change the surviving weights' values:
            // the pruned network is literally the dense one with synapses removed.
            var rng = new Random(unchecked((seed * 31) + 0x5EED));
            mask = new bool[layers][];
            for (var l = 0; l < layers; l++)
            {
                var count = weights[l].Length;
                var keep = Math.Max(1, (int)Math.Round(keepFraction * count));
                var order = new int[count];
                for (var i = 0; i < count; i++)
                {
                    order[i] = i;
                }
                mask[l] = new bool[count];
                for (var i = 0; i < keep; i++)
                {
                    var pick = rng.Next(i, count);
                    (order[i], order[pick]) = (order[pick], order[i]);
                    mask[l][order[i]] = true;
                }
                for (var i = 0; i < count; i++)
                {
                    if (!mask[l][i])
                    {
                        weights[l][i] = 0f;
                    }
                }
            }
        }

        return new NetworkSetup((int[])sizes.Clone(), seed, weights, biases, mask);
    }

    /// <summary>
    /// Sizes of a network with one hidden layer of h neurons and h inputs (n → n → outputs) whose synapse
    /// count n·n + n·outputs is as close as possible to <paramref name="synapses"/>; used by the W5 scaling
    /// workload so that the per-synapse cost can be read off a single family of shapes.
    /// </summary>
    public static int[] SingleHiddenLayerWithSynapses(long synapses, int outputs = 10)
    {
        // Solve n² + outputs·n = synapses for n.
        var n = (int)Math.Round((-outputs + Math.Sqrt(((double)outputs * outputs) + (4.0 * synapses))) / 2);
        return [Math.Max(1, n), Math.Max(1, n), outputs];
    }

    /// <summary>Box–Muller N(0,1) in pairs, both halves used, from a seeded <see cref="Random"/>.</summary>
    private sealed class GaussianSource(Random rng)
    {
        private float _spare;
        private bool _hasSpare;

        public float Next()
        {
            if (_hasSpare)
            {
                _hasSpare = false;
                return _spare;
            }
            var u1 = 1.0 - rng.NextDouble(); // (0, 1]: keeps Log finite.
            var u2 = rng.NextDouble();
            var radius = Math.Sqrt(-2.0 * Math.Log(u1));
            var angle = 2.0 * Math.PI * u2;
            _spare = (float)(radius * Math.Sin(angle));
            _hasSpare = true;
            return (float)(radius * Math.Cos(angle));
        }
    }
}
