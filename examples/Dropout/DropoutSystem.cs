using EcsNet.Components;
using EcsNet.Ecs.Scheduling;
using EcsNet.Systems;

namespace EcsNet.Examples.Dropout;

/// <summary>
/// Inverted dropout on the hidden neurons: before each training step's feedforward pass every hidden neuron's
/// <see cref="Mask"/> is drawn, r_j = 0 with probability p and 1/(1 − p) otherwise, so a_j = r_j f(z_j) keeps its
/// expectation and needs no rescaling at inference; when the network is not training, r_j = 1. One draw per neuron
/// serves the whole mini-batch (with m = 1 that is the classic per-sample dropout). Add it at
/// <see cref="StepPhase.BeforeFeedforward"/> of the network (not of a trainer: the next inference pass must find it
/// there to reset the masks); <see cref="NetworkSystems.Remove"/> leaves every mask at 1.
/// </summary>
public sealed class DropoutSystem : ISystem<StepContext>
{
    private static readonly QueryDescription HiddenMasks = new QueryDescription().WithAll<HiddenNeuron, Mask>();
    private static readonly QueryDescription HiddenUnmasked = new QueryDescription().WithAll<HiddenNeuron>().WithNone<Mask>();

    private readonly SeededRandom _random;
    private World? _world;

    /// <summary>Drops each hidden neuron with probability <paramref name="rate"/>; the draws follow <paramref name="seed"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">p is not in [0, 1).</exception>
    public DropoutSystem(double rate, long seed)
    {
        if (!(rate >= 0 && rate < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(rate), rate, "the dropout rate p must be in [0, 1)");
        }

        Rate = rate;
        _random = new SeededRandom(seed);
    }

    /// <summary>p, the probability that a hidden neuron is dropped in a training step.</summary>
    public double Rate { get; }

    /// <summary>Gives every hidden neuron a mask of 1 (one structural change, once, instead of one per step).</summary>
    public void Create(StepContext context)
    {
        _world = context.World;
        var neurons = new List<Entity>();
        foreach (ref var chunk in _world.Query(in HiddenUnmasked))
        {
            for (var r = 0; r < chunk.Count; r++)
            {
                neurons.Add(chunk.Entity(r));
            }
        }

        foreach (var neuron in neurons)
        {
            _world.Add(neuron, new Mask { Value = 1f });
        }
    }

    /// <inheritdoc/>
    public void Update(StepContext context)
    {
        var kept = (float)(1 / (1 - Rate));
        foreach (ref var chunk in context.World.Query(in HiddenMasks))
        {
            var masks = chunk.GetSpan<Mask>();
            for (var r = 0; r < chunk.Count; r++)
            {
                masks[r].Value = !context.IsTraining ? 1f : _random.NextDouble() < Rate ? 0f : kept;
            }
        }
    }

    /// <summary>Leaves every mask at 1, so the network predicts unmasked without the system.</summary>
    public void Dispose()
    {
        if (_world is null)
        {
            return;
        }

        foreach (ref var chunk in _world.Query(in HiddenMasks))
        {
            chunk.GetSpan<Mask>()[..chunk.Count].Fill(new Mask { Value = 1f });
        }
    }
}
