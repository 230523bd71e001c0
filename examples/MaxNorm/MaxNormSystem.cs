using EcsNet.Components;
using EcsNet.Ecs.Scheduling;
using EcsNet.Systems;

namespace EcsNet.Examples.MaxNorm;

/// <summary>
/// The max-norm constraint: after every update, each neuron's incoming weight vector w_j = (w_jk)_k is rescaled to
/// c w_j / ‖w_j‖ when ‖w_j‖ &gt; c. Biases are left alone. Add it at <see cref="StepPhase.AfterUpdate"/>.
/// </summary>
public sealed class MaxNormSystem : ISystem<StepContext>
{
    private static readonly QueryDescription Weighted = new QueryDescription().WithAll<Synapse, Weight>();

    // Per neuron slot: Σ_k w_jk², then the factor its weights are multiplied by. Sized once, so a step allocates nothing.
    private double[] _squares = [];
    private float[] _factors = [];

    /// <summary>Creates the constraint ‖w_j‖ ≤ <paramref name="maxNorm"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">c is not a finite number &gt; 0.</exception>
    public MaxNormSystem(float maxNorm)
    {
        if (!(maxNorm > 0f) || !float.IsFinite(maxNorm))
        {
            throw new ArgumentOutOfRangeException(nameof(maxNorm), maxNorm, "the max norm c must be a finite number > 0");
        }

        MaxNorm = maxNorm;
    }

    /// <summary>The bound c.</summary>
    public float MaxNorm { get; }

    /// <summary>How many times a neuron's weights have been rescaled so far (one per neuron per step at most).</summary>
    public long Rescaled { get; private set; }

    /// <inheritdoc/>
    public void Create(StepContext context)
    {
        _squares = new double[context.Network.NeuronCount];
        _factors = new float[context.Network.NeuronCount];
    }

    /// <inheritdoc/>
    public void Update(StepContext context)
    {
        Array.Clear(_squares);
        foreach (ref var chunk in context.World.Query(in Weighted))
        {
            chunk.GetSpan<Synapse, Weight>(out var synapses, out var weights);
            for (var r = 0; r < chunk.Count; r++)
            {
                _squares[synapses[r].Target] += (double)weights[r].Value * weights[r].Value;
            }
        }

        for (var slot = 0; slot < _squares.Length; slot++)
        {
            var norm = Math.Sqrt(_squares[slot]);
            var clip = norm > MaxNorm;
            _factors[slot] = clip ? (float)(MaxNorm / norm) : 1f;
            Rescaled += clip ? 1 : 0;
        }

        foreach (ref var chunk in context.World.Query(in Weighted))
        {
            chunk.GetSpan<Synapse, Weight>(out var synapses, out var weights);
            for (var r = 0; r < chunk.Count; r++)
            {
                weights[r].Value *= _factors[synapses[r].Target];
            }
        }
    }
}
