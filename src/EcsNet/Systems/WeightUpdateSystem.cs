using System.Runtime.CompilerServices;
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

        Apply(context.World, context.Settings);
    }

    // Kept out of Update: its frame is zero-initialised on entry (a few hundred bytes), which a fused step, returning at
    // once, should not pay.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Apply(World world, in Training.UpdateSettings u)
    {
        foreach (ref var chunk in world.Query(in NetworkQueries.TrainableWeights))
        {
            chunk.GetSpan<Weight, WeightGradient, OptimizerState>(out var w, out var g, out var s);
            u.Optimizer.Apply(Floats(w, chunk.Count), Floats(g, chunk.Count), s[..chunk.Count], [], in u, regularise: true);
        }

        foreach (ref var chunk in world.Query(in NetworkQueries.WeightsWithOwnRate))
        {
            chunk.GetSpan<Weight, WeightGradient, OptimizerState, LearningRate>(out var w, out var g, out var s, out var eta);
            u.Optimizer.Apply(Floats(w, chunk.Count), Floats(g, chunk.Count), s[..chunk.Count], eta[..chunk.Count], in u, regularise: true);
        }

        foreach (ref var chunk in world.Query(in NetworkQueries.FrozenWeightGradients))
        {
            chunk.GetSpan<WeightGradient>()[..chunk.Count].Clear();
        }

        foreach (ref var chunk in world.Query(in NetworkQueries.FrozenBiasGradients))
        {
            chunk.GetSpan<BiasGradient>()[..chunk.Count].Clear();
        }

        foreach (ref var chunk in world.Query(in NetworkQueries.TrainableBiases))
        {
            chunk.GetSpan<Bias, BiasGradient, OptimizerState>(out var b, out var g, out var s);
            u.Optimizer.Apply(Floats(b, chunk.Count), Floats(g, chunk.Count), s[..chunk.Count], [], in u, regularise: false);
        }
    }

    // The value components are single floats, so a column of them is a column of floats.
    private static Span<float> Floats<T>(Span<T> column, int count) where T : struct
        => MemoryMarshal.Cast<T, float>(column[..count]);
}
