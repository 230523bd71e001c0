using EcsNet.Data;
using EcsNet.Persistence;
using EcsNet.Training;

namespace EcsNet.Pruning;

/// <summary>
/// The lottery-ticket experiment (Frankle and Carbin, ICLR 2019): train the dense network, prune the smallest-magnitude
/// fraction of its surviving synapses, rewind the survivors to their initial weights θ₀, and repeat. Each round's
/// network is built afresh from θ₀ with only the surviving synapse entities, so it trains at the cost of its size.
/// </summary>
public sealed class LotteryTicket
{
    /// <summary>Creates an experiment; <paramref name="training"/> is used for every round (its seed also initialises the control).</summary>
    public LotteryTicket(LotteryOptions options, TrainingOptions training)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(training);
        options.Validate();
        Options = options;
        Training = training;
    }

    /// <summary>The pruning schedule.</summary>
    public LotteryOptions Options { get; }

    /// <summary>The training of every round.</summary>
    public TrainingOptions Training { get; }

    /// <summary>Raised with the round and its network after rewinding, before it trains.</summary>
    public event Action<int, Network>? TicketReady;

    /// <summary>Raised after every epoch of every run: round, whether it is the control run, the metrics.</summary>
    public event Action<int, bool, EpochMetrics>? EpochCompleted;

    /// <summary>Raised after each round.</summary>
    public event Action<LotteryRound>? RoundCompleted;

    /// <summary>
    /// Runs the dense round and <see cref="LotteryOptions.Rounds"/> pruning rounds. <paramref name="initialise"/> builds
    /// the dense network with its initial weights for a seed (the experiment's seed for θ₀, other seeds for the control).
    /// </summary>
    public IReadOnlyList<LotteryRound> Run(Func<long, Network> initialise, DataSet train, DataSet test, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(initialise);
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(test);
        Training.Validate(train.Count);
        ModelSpec initial;
        Costs.ICost cost;
        using (var dense = initialise(Training.Seed))
        {
            initial = NetworkModel.ToSpec(dense);
            cost = dense.Cost;
        }

        var total = Ends(initial).Count;
        HashSet<(int, int, int, int)>? mask = null;
        var rounds = new List<LotteryRound>();
        for (var round = 0; round <= Options.Rounds; round++)
        {
            using var ticket = Prepare(Rewind(initial, mask), cost);
            TicketReady?.Invoke(round, ticket);
            var run = TrainRun(ticket, round, control: false, train, test, cancellation);
            LotteryRun? controlRun = null;
            if (Options.RandomReinitControl && mask is not null)
            {
                ModelSpec fresh;
                using (var reinitialised = initialise(Training.Seed + round))
                {
                    fresh = NetworkModel.ToSpec(reinitialised);
                }

                using var control = Prepare(Rewind(fresh, mask), cost);
                controlRun = TrainRun(control, round, control: true, train, test, cancellation);
            }

            var synapses = ticket.SynapseCount;
            var result = new LotteryRound(round, synapses, (double)synapses / total, run, controlRun);
            rounds.Add(result);
            RoundCompleted?.Invoke(result);
            if (round < Options.Rounds)
            {
                Pruner.Prune(ticket, new PruneOptions(Options.Rate, PruneCriterion.Magnitude, Options.Scope));
                mask = ticket.Synapses().Select(s => (s.FromLayer, s.FromIndex, s.ToLayer, s.ToIndex)).ToHashSet();
            }
        }

        return rounds;
    }

    /// <summary>
    /// The network of <paramref name="initial"/> with only the synapses in <paramref name="survivors"/> (all when null),
    /// each with its weight in <paramref name="initial"/>, and the initial biases: the rewound subnetwork.
    /// </summary>
    public static Network Rewind(ModelSpec initial, IReadOnlySet<(int FromLayer, int FromIndex, int ToLayer, int ToIndex)>? survivors)
    {
        ArgumentNullException.ThrowIfNull(initial);
        var spec = new ModelSpec();
        foreach (var (key, value) in initial.Metadata)
        {
            spec.Metadata[key] = value;
        }

        var layers = initial.Layers;
        for (var l = 0; l < layers.Count; l++)
        {
            var layer = layers[l];
            var keep = layer.Weights is { } w && (survivors is null || AllKept(w, l, survivors));
            spec.Layers.Add(new LayerSpec { Size = layer.Size, Activation = layer.Activation, Bias = layer.Bias, Weights = keep ? layer.Weights : null });
            if (!keep && layer.Weights is { } weights)
            {
                for (var j = 0; j < weights.Length; j++)
                {
                    for (var k = 0; k < weights[j].Length; k++)
                    {
                        if (survivors!.Contains((l - 1, k, l, j)))
                        {
                            spec.Synapses.Add(new SynapseSpec(l - 1, k, l, j, weights[j][k]));
                        }
                    }
                }
            }
        }

        spec.Synapses.AddRange(initial.Synapses.Where(s => survivors is null || survivors.Contains((s.FromLayer, s.FromIndex, s.ToLayer, s.ToIndex))));
        return NetworkModel.ToNetwork(spec);
    }

    private static bool AllKept(float[][] weights, int layer, IReadOnlySet<(int, int, int, int)> survivors)
    {
        for (var j = 0; j < weights.Length; j++)
        {
            for (var k = 0; k < weights[j].Length; k++)
            {
                if (!survivors.Contains((layer - 1, k, layer, j)))
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static HashSet<(int, int, int, int)> Ends(ModelSpec spec)
    {
        var ends = new HashSet<(int, int, int, int)>();
        for (var l = 1; l < spec.Layers.Count; l++)
        {
            if (spec.Layers[l].Weights is { } w)
            {
                for (var j = 0; j < w.Length; j++)
                {
                    for (var k = 0; k < w[j].Length; k++)
                    {
                        ends.Add((l - 1, k, l, j));
                    }
                }
            }
        }

        foreach (var s in spec.Synapses)
        {
            ends.Add((s.FromLayer, s.FromIndex, s.ToLayer, s.ToIndex));
        }

        return ends;
    }

    private Network Prepare(Network network, Costs.ICost cost)
    {
        network.Cost = cost;
        network.Threads = Options.Threads;
        return network;
    }

    private LotteryRun TrainRun(Network network, int round, bool control, DataSet train, DataSet test, CancellationToken cancellation)
    {
        var trainer = new Trainer(Training);
        trainer.EpochCompleted += e => EpochCompleted?.Invoke(round, control, e);
        var result = trainer.Train(network, train, test, cancellation);
        cancellation.ThrowIfCancellationRequested();
        var epochs = result.Epochs;
        if (epochs.Count == 0)
        {
            throw new InvalidOperationException($"round {round}: training stopped before the first epoch ({result.Message})");
        }

        return new LotteryRun(epochs.Max(e => e.TestAccuracy ?? 0), epochs[^1].TestAccuracy ?? 0, epochs.Average(e => e.Seconds));
    }
}
