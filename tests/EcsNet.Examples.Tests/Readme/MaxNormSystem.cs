// The README's "Your own systems" snippet, verbatim (only the namespace added).
namespace EcsNet.Examples.Tests.Readme;

using EcsNet.Components;
using EcsNet.Ecs;
using EcsNet.Ecs.Scheduling;
using EcsNet.Systems;

/// <summary>After every update, each neuron's incoming weights are rescaled so that ‖w_j‖ ≤ c.</summary>
public sealed class MaxNormSystem(float maxNorm) : ISystem<StepContext>
{
    private static readonly QueryDescription Weighted = new QueryDescription().WithAll<Synapse, Weight>();
    private double[] _squares = [];
    private float[] _factors = [];

    public void Create(StepContext context)
    {
        _squares = new double[context.Network.NeuronCount];   // per neuron slot, sized once: a step allocates nothing
        _factors = new float[context.Network.NeuronCount];
    }

    public void Update(StepContext context)
    {
        Array.Clear(_squares);
        foreach (ref var chunk in context.World.Query(in Weighted))
        {
            chunk.GetSpan<Synapse, Weight>(out var synapses, out var weights);
            for (var r = 0; r < chunk.Count; r++)
                _squares[synapses[r].Target] += (double)weights[r].Value * weights[r].Value;
        }

        for (var slot = 0; slot < _squares.Length; slot++)
        {
            var norm = Math.Sqrt(_squares[slot]);
            _factors[slot] = norm > maxNorm ? (float)(maxNorm / norm) : 1f;
        }

        foreach (ref var chunk in context.World.Query(in Weighted))
        {
            chunk.GetSpan<Synapse, Weight>(out var synapses, out var weights);
            for (var r = 0; r < chunk.Count; r++)
                weights[r].Value *= _factors[synapses[r].Target];
        }
    }
}
