using EcsNet.Components;
using EcsNet.Ecs.Scheduling;
using EcsNet.Systems;

namespace EcsNet.Examples.MagnitudePruning;

/// <summary>One pruning round: after epoch <paramref name="Epoch"/>, <paramref name="Removed"/> of
/// <paramref name="Before"/> synapses were disconnected, none with |w| above <paramref name="LargestRemoved"/>.</summary>
/// <param name="Epoch">The epoch the round followed.</param>
/// <param name="Before">Synapses before the round.</param>
/// <param name="Removed">Synapses disconnected.</param>
/// <param name="LargestRemoved">The largest |w| among them.</param>
public readonly record struct PruningRound(int Epoch, int Before, int Removed, float LargestRemoved);

/// <summary>
/// Magnitude pruning during training: at the end of every k-th epoch, disconnect the p % of the remaining synapses
/// with the smallest |w_jk| (⌊n p / 100⌋ of n). Add it at <see cref="StepPhase.EndOfEpoch"/> of a trainer.
/// </summary>
public sealed class MagnitudePruningSystem : ISystem<StepContext>
{
    private static readonly QueryDescription Weighted = new QueryDescription().WithAll<Synapse, Weight>();

    private readonly List<PruningRound> _rounds = [];
    private float[] _magnitudes = [];
    private Entity[] _synapses = [];

    /// <summary>Prunes <paramref name="percent"/> % of the synapses every <paramref name="everyEpochs"/> epochs.</summary>
    /// <exception cref="ArgumentOutOfRangeException">k is not ≥ 1, or p is not in (0, 100).</exception>
    public MagnitudePruningSystem(int everyEpochs, double percent)
    {
        if (everyEpochs < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(everyEpochs), everyEpochs, "prune every k ≥ 1 epochs");
        }

        if (!(percent > 0 && percent < 100))
        {
            throw new ArgumentOutOfRangeException(nameof(percent), percent, "the pruned share p must be in (0, 100) percent");
        }

        EveryEpochs = everyEpochs;
        Percent = percent;
    }

    /// <summary>k: prune after epochs k, 2k, 3k, …</summary>
    public int EveryEpochs { get; }

    /// <summary>p: the share of the remaining synapses removed per round, in percent.</summary>
    public double Percent { get; }

    /// <summary>The rounds so far.</summary>
    public IReadOnlyList<PruningRound> Rounds => _rounds;

    /// <inheritdoc/>
    public void Update(StepContext context)
    {
        if (context.Epoch == 0 || context.Epoch % EveryEpochs != 0)
        {
            return;
        }

        var world = context.World;
        var n = world.CountEntities(in Weighted);
        var remove = (int)(n * Percent / 100);
        if (remove == 0)
        {
            return;
        }

        if (_magnitudes.Length < n)
        {
            _magnitudes = new float[n];
            _synapses = new Entity[n];
        }

        var i = 0;
        foreach (ref var chunk in world.Query(in Weighted))
        {
            var weights = chunk.GetSpan<Weight>();
            for (var r = 0; r < chunk.Count; r++, i++)
            {
                _magnitudes[i] = MathF.Abs(weights[r].Value);
                _synapses[i] = chunk.Entity(r);
            }
        }

        // Collect first, then disconnect: destroying while a query walks the chunks would move rows under it.
        Array.Sort(_magnitudes, _synapses, 0, n);
        for (var k = 0; k < remove; k++)
        {
            context.Network.Disconnect(_synapses[k]);
        }

        _rounds.Add(new PruningRound(context.Epoch, n, remove, _magnitudes[remove - 1]));
    }
}
