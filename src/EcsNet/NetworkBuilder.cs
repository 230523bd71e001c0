using EcsNet.ActivationFunctions;
using EcsNet.Components;
using EcsNet.Training;

namespace EcsNet;

/// <summary>
/// Describes a network layer by layer, then creates its entities. Layers added with <see cref="Dense"/> are fully
/// connected from the previous layer; <see cref="Connect"/> adds any other forward synapse (sparse, skip, hand-wired).
/// Weights and biases not given explicitly are drawn from the initialiser passed to <see cref="Build"/>.
/// </summary>
/// <example>
/// <code>
/// using var net = new NetworkBuilder().Input(2).Dense(3, ActivationFunction.Sigmoid).Dense(1, ActivationFunction.Sigmoid)
///     .Build(Initializer.Gaussian, seed: 1);
/// </code>
/// </example>
public sealed class NetworkBuilder
{
    /// <summary>The chunk size of a network's world (measured: 64 KiB made the 784-100-10 step about 1.5× faster than 16 KiB; 256 KiB no faster).</summary>
    internal const int SynapseChunkBytes = 64 * 1024;

    private readonly List<LayerDraft> _layers = [];
    private readonly List<(int FromLayer, int FromIndex, int ToLayer, int ToIndex, float? Weight)> _synapses = [];
    private readonly HashSet<(int, int, int, int)> _synapseKeys = [];

    /// <summary>The number of layers described so far.</summary>
    public int LayerCount => _layers.Count;

    /// <summary>Adds the input layer of <paramref name="size"/> neurons; must come first.</summary>
    public NetworkBuilder Input(int size)
    {
        if (_layers.Count != 0)
        {
            throw new InvalidOperationException("the input layer must be the first layer");
        }

        _layers.Add(new LayerDraft(CheckSize(size), null, Dense: false));
        return this;
    }

    /// <summary>Adds a layer fully connected from the previous one.</summary>
    /// <remarks>With <paramref name="bias"/> false its neurons have no bias (z = Σ w a, as in Utah's Z = XW).</remarks>
    public NetworkBuilder Dense(int size, IActivationFunction activation, bool bias = true) => AddLayer(size, activation, dense: true, bias);

    /// <summary>Adds a layer with no synapses yet (sparse, skip or hand-wired): wire it with <see cref="Connect"/>.</summary>
    /// <remarks><paramref name="bias"/> as in <see cref="Dense"/>.</remarks>
    public NetworkBuilder Sparse(int size, IActivationFunction activation, bool bias = true) => AddLayer(size, activation, dense: false, bias);

    /// <summary>Sets the weights of a dense layer: <paramref name="weights"/>[j][k] = w_jk^l.</summary>
    public NetworkBuilder Weights(int layer, float[][] weights)
    {
        var draft = Draft(layer);
        if (!draft.Dense)
        {
            throw new ArgumentException($"layer {layer} is not dense; give its synapses' weights with Connect");
        }

        var previous = _layers[layer - 1].Size;
        if (weights.Length != draft.Size || weights.Any(row => row.Length != previous))
        {
            throw new ArgumentException($"layer {layer} weights must be {draft.Size} rows of {previous} values (w_jk: row j, column k)");
        }

        if (weights.Any(row => row.Any(w => !float.IsFinite(w))))
        {
            throw new ArgumentException($"layer {layer} weights contain a non-finite value");
        }

        draft.Weights = weights.Select(row => row.ToArray()).ToArray(); // a copy: later changes to the caller's arrays must not reach the network
        return this;
    }

    /// <summary>Sets the biases b_j^l of a layer.</summary>
    public NetworkBuilder Biases(int layer, float[] biases)
    {
        var draft = Draft(layer);
        if (biases.Length != draft.Size)
        {
            throw new ArgumentException($"layer {layer} has {draft.Size} neurons but {biases.Length} biases were given");
        }

        if (!draft.Bias)
        {
            throw new ArgumentException($"layer {layer} was added without biases");
        }

        if (biases.Any(b => !float.IsFinite(b)))
        {
            throw new ArgumentException($"layer {layer} biases contain a non-finite value");
        }

        draft.Biases = biases.ToArray();
        return this;
    }

    /// <summary>Adds a synapse from (fromLayer, fromIndex) to (toLayer, toIndex) with a given or drawn weight.</summary>
    public NetworkBuilder Connect(int fromLayer, int fromIndex, int toLayer, int toIndex, float? weight = null)
    {
        if (fromLayer >= toLayer)
        {
            throw new ArgumentException($"a synapse must go forward: layer {fromLayer} → layer {toLayer}");
        }

        CheckIndex(fromLayer, fromIndex);
        CheckIndex(toLayer, toIndex);
        if (toLayer == fromLayer + 1 && Draft(toLayer).Dense)
        {
            throw new ArgumentException($"layer {toLayer} is dense: neuron {fromIndex} of layer {fromLayer} is already connected to it");
        }

        if (weight is { } w && !float.IsFinite(w))
        {
            throw new ArgumentException($"synapse ({fromLayer},{fromIndex}) → ({toLayer},{toIndex}): weight {w} is not finite");
        }

        if (!_synapseKeys.Add((fromLayer, fromIndex, toLayer, toIndex)))
        {
            throw new ArgumentException($"synapse ({fromLayer},{fromIndex}) → ({toLayer},{toIndex}) is given twice");
        }

        _synapses.Add((fromLayer, fromIndex, toLayer, toIndex, weight));
        return this;
    }

    /// <summary>
    /// Creates the world and the entities: one per layer, one per neuron (slots in layer order), one per synapse, in
    /// target-major order so each neuron's incoming synapses are stored together.
    /// </summary>
    public Network Build(Initializer? initializer = null, long seed = 0)
    {
        if (_layers.Count < 2)
        {
            throw new InvalidOperationException("a network needs an input layer and at least one more layer");
        }

        initializer ??= Initializer.Gaussian;
        var random = new SeededRandom(seed);
        // 64 KiB chunks (Arch's default is 16 KiB) hold ~1,800 synapses: a fully connected row of several hundred
        // weights then crosses at most one chunk boundary, and every boundary costs the tiled passes a cut.
        var world = World.Create(chunkSizeInBytes: SynapseChunkBytes);
        var layers = new NetworkLayer[_layers.Count];
        var neurons = new Entity[_layers.Sum(l => l.Size)];
        var slot = 0;
        for (var l = 0; l < _layers.Count; l++)
        {
            var draft = _layers[l];
            var first = slot;
            var layerEntity = world.Create(new Layer { Index = l, Size = draft.Size, FirstSlot = first });
            layers[l] = new NetworkLayer(world, layerEntity, draft.Function, draft.Bias);
            for (var j = 0; j < draft.Size; j++, slot++)
            {
                var neuron = new Neuron { Layer = l, Index = j, Slot = slot };
                var output = l == _layers.Count - 1;
                neurons[slot] = l == 0
                    ? world.Create(neuron, new Activation(), new InputNeuron())
                    : draft.Bias
                        ? CreateBiased(world, neuron, draft.Biases?[j] ?? initializer.NextBias(random), output)
                        : CreateUnbiased(world, neuron, output);
            }
        }

        // Synapses into each target neuron in turn: dense ones from the previous layer, then explicit ones.
        var explicitInto = _synapses.ToLookup(s => (s.ToLayer, s.ToIndex));
        for (var l = 1; l < _layers.Count; l++)
        {
            var draft = _layers[l];
            for (var j = 0; j < draft.Size; j++)
            {
                var target = layers[l].FirstSlot + j;
                if (draft.Dense)
                {
                    var previous = layers[l - 1];
                    for (var k = 0; k < previous.Size; k++)
                    {
                        var w = draft.Weights?[j][k] ?? initializer.NextWeight(random, previous.Size, draft.Size);
                        CreateSynapse(world, previous.FirstSlot + k, target, w);
                    }
                }

                foreach (var s in explicitInto[(l, j)].OrderBy(s => s.FromLayer).ThenBy(s => s.FromIndex))
                {
                    var w = s.Weight ?? initializer.NextWeight(random, _layers[s.FromLayer].Size, draft.Size);
                    CreateSynapse(world, layers[s.FromLayer].FirstSlot + s.FromIndex, target, w);
                }
            }
        }

        return new Network(world, layers, neurons);
    }

    /// <summary>A fully connected network of the given sizes with one activation for every non-input layer.</summary>
    public static Network FullyConnected(IReadOnlyList<int> sizes, IActivationFunction activation, Initializer? initializer = null, long seed = 0)
        => FullyConnected(sizes, Enumerable.Repeat(activation, Math.Max(0, sizes.Count - 1)).ToArray(), initializer, seed);

    /// <summary>A fully connected network with one activation per non-input layer.</summary>
    public static Network FullyConnected(IReadOnlyList<int> sizes, IReadOnlyList<IActivationFunction> activations, Initializer? initializer = null, long seed = 0)
        => FullyConnected(sizes, activations, bias: true, initializer, seed);

    /// <summary>A fully connected network with one activation per non-input layer, with or without biases.</summary>
    public static Network FullyConnected(IReadOnlyList<int> sizes, IReadOnlyList<IActivationFunction> activations, bool bias, Initializer? initializer = null, long seed = 0)
    {
        if (sizes.Count < 2)
        {
            throw new ArgumentException("a network needs at least two layer sizes (inputs and outputs)", nameof(sizes));
        }

        if (activations.Count != sizes.Count - 1)
        {
            throw new ArgumentException($"{sizes.Count - 1} non-input layers need {sizes.Count - 1} activations, got {activations.Count}", nameof(activations));
        }

        var builder = new NetworkBuilder().Input(sizes[0]);
        for (var l = 1; l < sizes.Count; l++)
        {
            builder.Dense(sizes[l], activations[l - 1], bias);
        }

        return builder.Build(initializer, seed);
    }

    private static Entity CreateBiased(World world, Neuron neuron, float bias, bool output)
    {
        var b = new Bias { Value = bias };
        return output
            ? world.Create(neuron, b, new BiasGradient(), new NetInput(), new Activation(), new Delta(), new OptimizerState(), new OutputNeuron())
            : world.Create(neuron, b, new BiasGradient(), new NetInput(), new Activation(), new Delta(), new OptimizerState(), new HiddenNeuron());
    }

    private static Entity CreateUnbiased(World world, Neuron neuron, bool output) => output
        ? world.Create(neuron, new NetInput(), new Activation(), new Delta(), new OutputNeuron())
        : world.Create(neuron, new NetInput(), new Activation(), new Delta(), new HiddenNeuron());

    private static void CreateSynapse(World world, int source, int target, float weight)
        => world.Create(new Synapse { Source = source, Target = target }, new Weight { Value = weight }, new WeightGradient(), new OptimizerState());

    private NetworkBuilder AddLayer(int size, IActivationFunction activation, bool dense, bool bias)
    {
        ArgumentNullException.ThrowIfNull(activation);
        if (_layers.Count == 0)
        {
            throw new InvalidOperationException("add the input layer first (Input(size))");
        }

        _layers.Add(new LayerDraft(CheckSize(size), activation, dense) { Bias = bias });
        return this;
    }

    private LayerDraft Draft(int layer)
    {
        if (layer <= 0 || layer >= _layers.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(layer), layer, $"non-input layers are 1..{_layers.Count - 1}");
        }

        return _layers[layer];
    }

    private void CheckIndex(int layer, int index)
    {
        if ((uint)layer >= (uint)_layers.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(layer), layer, $"layers are 0..{_layers.Count - 1}");
        }

        if ((uint)index >= (uint)_layers[layer].Size)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, $"layer {layer} has neurons 0..{_layers[layer].Size - 1}");
        }
    }

    private static int CheckSize(int size) => size > 0
        ? size
        : throw new ArgumentOutOfRangeException(nameof(size), size, "a layer needs at least one neuron");

    private sealed record LayerDraft(int Size, IActivationFunction? Function, bool Dense)
    {
        public float[][]? Weights { get; set; }

        public bool Bias { get; init; } = true;

        public float[]? Biases { get; set; }
    }
}
