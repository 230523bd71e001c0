using System.Runtime.InteropServices;
using EcsNet.Components;

namespace EcsNet.Systems;

/// <summary>
/// Gradient descent: w ← w − η/m ∂C/∂w (or the chosen optimiser's rule) on every synapse and b likewise on every
/// neuron, then clears the gradients. Synapses with a <see cref="LearningRate"/> use their own η; <see cref="Frozen"/>
/// synapses keep their weight and frozen neurons their bias.
/// </summary>
public sealed class WeightUpdateSystem : ISystem<StepContext>
{
    private static readonly QueryDescription Trainable =
        new QueryDescription().WithAll<Weight, WeightGradient, OptimizerState>().WithNone<Frozen, LearningRate>();

    private static readonly QueryDescription OwnRate =
        new QueryDescription().WithAll<Weight, WeightGradient, OptimizerState, LearningRate>().WithNone<Frozen>();

    private static readonly QueryDescription FrozenSynapses = new QueryDescription().WithAll<WeightGradient, Frozen>();

    private static readonly QueryDescription UnfrozenBiases =
        new QueryDescription().WithAll<Neuron, Bias, BiasGradient, OptimizerState>().WithNone<Frozen>();

    private static readonly QueryDescription FrozenBiases = new QueryDescription().WithAll<BiasGradient, Frozen>();

    internal WeightUpdateSystem()
    {
    }

    /// <inheritdoc/>
    public void Update(StepContext context)
    {
        if (context.Descend)
        {
            return; // the fused gradient pass has already descended
        }

        var world = context.World;
        var u = context.Settings;

        foreach (ref var chunk in world.Query(in Trainable))
        {
            chunk.GetSpan<Weight, WeightGradient, OptimizerState>(out var w, out var g, out var s);
            u.Optimizer.Apply(Floats(w, chunk.Count), Floats(g, chunk.Count), s[..chunk.Count], [], in u, regularise: true);
        }

        foreach (ref var chunk in world.Query(in OwnRate))
        {
            chunk.GetSpan<Weight, WeightGradient, OptimizerState, LearningRate>(out var w, out var g, out var s, out var eta);
            u.Optimizer.Apply(Floats(w, chunk.Count), Floats(g, chunk.Count), s[..chunk.Count], eta[..chunk.Count], in u, regularise: true);
        }

        foreach (ref var chunk in world.Query(in FrozenSynapses))
        {
            chunk.GetSpan<WeightGradient>()[..chunk.Count].Clear();
        }

        foreach (ref var chunk in world.Query(in FrozenBiases))
        {
            chunk.GetSpan<BiasGradient>()[..chunk.Count].Clear();
        }

        foreach (ref var chunk in world.Query(in UnfrozenBiases))
        {
            chunk.GetSpan<Bias, BiasGradient, OptimizerState>(out var b, out var g, out var s);
            u.Optimizer.Apply(Floats(b, chunk.Count), Floats(g, chunk.Count), s[..chunk.Count], [], in u, regularise: false);
        }
    }

    // The value components are single floats, so a column of them is a column of floats.
    private static Span<float> Floats<T>(Span<T> column, int count) where T : struct
        => MemoryMarshal.Cast<T, float>(column[..count]);
}
