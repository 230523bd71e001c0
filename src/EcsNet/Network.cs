using EcsNet.Components;
using EcsNet.Costs;
using EcsNet.Systems;

namespace EcsNet;

/// <summary>
/// A feedforward network whose neurons, synapses and layers are entities of an ECS <see cref="World"/>. Parameters
/// live in components (<see cref="Bias"/> on neurons, <see cref="Weight"/> on synapses); the values of the current
/// mini-batch (z, a, δ for every neuron and sample) live in dense buffers indexed by each neuron's slot, so one pass
/// over a synapse handles all m samples. Build one with <see cref="NetworkBuilder"/>.
/// </summary>
public sealed partial class Network : IDisposable
{
    private readonly NetworkLayer[] _layers;
    private readonly Entity[] _neuronEntities;
    private readonly int[] _layerOfSlot;
    private readonly NetworkStructure _structure;
    private readonly Kernels.ISynapsePasses _fast = new Kernels.TiledPasses();
    private readonly Kernels.ISynapsePasses _reference = new Kernels.ReferencePasses();
    private bool _disposed;

    internal Network(World world, NetworkLayer[] layers, Entity[] neuronEntities)
    {
        World = world;
        _layers = layers;
        _neuronEntities = neuronEntities;
        _layerOfSlot = new int[neuronEntities.Length];
        _structure = new NetworkStructure(layers.Length);
        foreach (var layer in layers)
        {
            _layerOfSlot.AsSpan(layer.FirstSlot, layer.Size).Fill(layer.Index);
        }

        Context = new StepContext(this);
        Systems = new NetworkSystems(
            Context,
            (StepPhase.Feedforward, new FeedforwardSystem()),
            (StepPhase.Backpropagation, new OutputDeltaSystem()),
            (StepPhase.Backpropagation, new HiddenDeltaSystem()),
            (StepPhase.Backpropagation, new GradientAccumulationSystem()),
            (StepPhase.Update, new WeightUpdateSystem()));
        Batch = new BatchBuffers(neuronEntities.Length, OutputSize);
    }

    /// <summary>The world holding this network's entities. Query and edit it freely, between steps or inside a system:
    /// the passes notice every structural change (see <see cref="NetworkQueries"/> for the shared queries).</summary>
    public World World { get; }

    /// <summary>The layers, input first.</summary>
    public IReadOnlyList<NetworkLayer> Layers => _layers;

    /// <summary>The layers for the passes: indexing the public list goes through an interface call per access.</summary>
    internal ReadOnlySpan<NetworkLayer> LayerSpan => _layers;

    /// <summary>The output layer L.</summary>
    public NetworkLayer OutputLayer => _layers[^1];

    /// <summary>n_0, the number of inputs.</summary>
    public int InputSize => _layers[0].Size;

    /// <summary>n_L, the number of outputs.</summary>
    public int OutputSize => _layers[^1].Size;

    /// <summary>The number of neurons, inputs included.</summary>
    public int NeuronCount => _neuronEntities.Length;

    /// <summary>The number of synapse entities.</summary>
    public int SynapseCount => World.CountEntities(in NetworkQueries.Synapses);

    /// <summary>The cost the output delta is computed from (default: quadratic).</summary>
    public ICost Cost { get; set; } = CostFunction.Quadratic;

    /// <summary>How many threads the synapse passes of large layers may use (default 1). Results do not depend on it.</summary>
    public int Threads
    {
        get => _threads;
        set
        {
            if (value < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(value), value, "threads must be at least 1");
            }

            if (value != _threads)
            {
                _workers?.Dispose();
                _workers = null;
                _threads = value;
            }
        }
    }

    private int _threads = 1;
    private Kernels.WorkerPool? _workers;

    /// <summary>
    /// Runs a tile pass on the worker threads when it is large enough to pay for the hand-off (about 64k
    /// multiply-adds), else on the caller's thread; the partition, not the thread count, fixes the result.
    /// </summary>
    internal void RunTiles(Kernels.IPartitionedJob job, long work)
    {
        if (SplitsWork(work))
        {
            (_workers ??= new Kernels.WorkerPool(_threads)).Run(job);
        }
        else
        {
            job.Execute(0, 1);
        }
    }

    /// <summary>Whether <see cref="RunTiles"/> hands a pass of <paramref name="work"/> multiply-adds to the worker threads.</summary>
    internal bool SplitsWork(long work) => _threads > 1 && work >= 65_536;

    /// <summary>Whether the synapse passes use the tiled fast path (default) or the per-synapse reference path.</summary>
    public PassMode PassMode { get; set; } = PassMode.Fast;

    /// <summary>
    /// The pipeline, in run order: the built-in passes (<see cref="FeedforwardSystem"/>, <see cref="OutputDeltaSystem"/>,
    /// <see cref="HiddenDeltaSystem"/>, <see cref="GradientAccumulationSystem"/>, <see cref="WeightUpdateSystem"/>) and
    /// the user's systems, each at its <see cref="StepPhase"/>.
    /// </summary>
    public NetworkSystems Systems { get; }

    /// <summary>What the systems are handed each step.</summary>
    internal StepContext Context { get; }

    /// <summary>The synapse passes of the current <see cref="PassMode"/>.</summary>
    internal Kernels.ISynapsePasses SynapsePasses => PassMode == PassMode.Reference ? _reference : _fast;

    /// <summary>The number of updates applied so far (Adam's t); set it to continue a saved run.</summary>
    public long UpdateCount { get; set; }

    internal BatchBuffers Batch { get; }

    internal SynapsePlan Plan => _structure.Plan;

    internal ReadOnlySpan<int> LayerOfSlot => _layerOfSlot;

    /// <summary>The entity of neuron <paramref name="index"/> of layer <paramref name="layer"/>.</summary>
    public Entity NeuronEntity(int layer, int index) => _neuronEntities[Slot(layer, index)];

    /// <summary>The dense slot of neuron <paramref name="index"/> of layer <paramref name="layer"/>.</summary>
    public int Slot(int layer, int index)
    {
        if ((uint)layer >= (uint)_layers.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(layer), layer, $"the network has layers 0..{_layers.Length - 1}");
        }

        if ((uint)index >= (uint)_layers[layer].Size)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, $"layer {layer} has neurons 0..{_layers[layer].Size - 1}");
        }

        return _layers[layer].FirstSlot + index;
    }

    /// <summary>The (layer, index) of a neuron slot.</summary>
    public (int Layer, int Index) Position(int slot)
    {
        var layer = _layerOfSlot[slot];
        return (layer, slot - _layers[layer].FirstSlot);
    }

    /// <summary>Destroys the world and every entity in it.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        Systems.Dispose();
        _workers?.Dispose();
        World.Destroy(World);
    }
}
