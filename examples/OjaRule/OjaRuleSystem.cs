using EcsNet.Components;
using EcsNet.Ecs.Scheduling;
using EcsNet.Systems;

namespace EcsNet.Examples.OjaRule;

/// <summary>
/// Oja's rule, a local unsupervised rule on the synapses into one linear unit y = Σ_k w_k x_k:
/// Δw_k = η/m Σ_b y_b (x_kb − y_b w_k) over the m samples of the batch. Each synapse reads only its own two ends, as
/// a Hebbian rule should. Add it at <see cref="StepPhase.AfterFeedforward"/>, where y is final; it learns on every
/// forward pass, so no cost, target or optimiser is involved.
/// </summary>
public sealed class OjaRuleSystem : ISystem<StepContext>
{
    private static readonly QueryDescription Weighted = new QueryDescription().WithAll<Synapse, Weight>();

    private readonly Entity _unit;
    private int _slot;

    /// <summary>Applies the rule to the synapses into <paramref name="unit"/> with rate η.</summary>
    /// <exception cref="ArgumentOutOfRangeException">η is not a finite number &gt; 0.</exception>
    public OjaRuleSystem(Entity unit, float learningRate)
    {
        _unit = unit;
        LearningRate = learningRate;
    }

    /// <summary>η; may be lowered between passes to settle the weights.</summary>
    public float LearningRate
    {
        get;
        set => field = value > 0f && float.IsFinite(value)
            ? value
            : throw new ArgumentOutOfRangeException(nameof(value), value, "the learning rate η must be a finite number > 0");
    }

    /// <inheritdoc/>
    public void Create(StepContext context) => _slot = context.World.Get<Neuron>(_unit).Slot;

    /// <inheritdoc/>
    public void Update(StepContext context)
    {
        var y = context.Activations(_slot);
        var m = context.BatchSize;
        foreach (ref var chunk in context.World.Query(in Weighted))
        {
            chunk.GetSpan<Synapse, Weight>(out var synapses, out var weights);
            for (var r = 0; r < chunk.Count; r++)
            {
                if (synapses[r].Target != _slot)
                {
                    continue;
                }

                // Δw_k depends on w_k and the batch only, so updating in place is the same as updating all at once.
                var x = context.Activations(synapses[r].Source);
                var w = weights[r].Value;
                var sum = 0.0;
                for (var b = 0; b < m; b++)
                {
                    sum += y[b] * (x[b] - y[b] * w);
                }

                weights[r].Value = (float)(w + LearningRate * sum / m);
            }
        }
    }
}
