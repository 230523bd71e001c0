using System.Runtime.InteropServices;
using EcsNet.Components;

namespace EcsNet.Kernels;

/// <summary>
/// The per-synapse passes, one synapse row at a time over all m samples: the lectures' algorithm written out, the
/// reference the tiled fast path is tested against, and the general path for rows no tile covers (pruned, sparse,
/// skip and hand-wired synapses).
/// </summary>
internal static class RowPasses
{
    /// <summary>z_j += w_jk a_k.</summary>
    public static void Forward(ReadOnlySpan<SynapseSegment> segments, Chunk[] chunks, float[] a, float[] z, int m)
    {
        foreach (var segment in segments)
        {
            ref var chunk = ref chunks[segment.Chunk];
            chunk.GetSpan<Synapse, Weight>(out var synapses, out var weights);
            for (var r = segment.Start; r < segment.Start + segment.Count; r++)
            {
                RowKernels.Axpy(weights[r].Value, ref a[synapses[r].Source * m], ref z[synapses[r].Target * m], m);
            }
        }
    }

    /// <summary>g_k += w_jk δ_j, skipping synapses that leave the input layer (it has no δ).</summary>
    public static void Backward(ReadOnlySpan<SynapseSegment> segments, Chunk[] chunks, float[] d, float[] g, int m)
    {
        foreach (var segment in segments)
        {
            if (segment.SourceLayer == 0)
            {
                continue;
            }

            ref var chunk = ref chunks[segment.Chunk];
            chunk.GetSpan<Synapse, Weight>(out var synapses, out var weights);
            for (var r = segment.Start; r < segment.Start + segment.Count; r++)
            {
                RowKernels.Axpy(weights[r].Value, ref d[synapses[r].Target * m], ref g[synapses[r].Source * m], m);
            }
        }
    }

    /// <summary>∂C/∂w_jk += Σ_b a_k δ_j (or, fed with −η/m·δ for a fused descent step, w_jk += Σ_b a_k δ'_j).</summary>
    public static void Gradient(ReadOnlySpan<SynapseSegment> segments, Chunk[] chunks, float[] a, float[] d, int m, bool intoWeights = false)
    {
        foreach (var segment in segments)
        {
            ref var chunk = ref chunks[segment.Chunk];
            var synapses = chunk.GetSpan<Synapse>();
            var g = intoWeights
                ? MemoryMarshal.Cast<Weight, float>(chunk.GetSpan<Weight>())
                : MemoryMarshal.Cast<WeightGradient, float>(chunk.GetSpan<WeightGradient>());
            for (var r = segment.Start; r < segment.Start + segment.Count; r++)
            {
                g[r] += RowKernels.Dot(ref a[synapses[r].Source * m], ref d[synapses[r].Target * m], m);
            }
        }
    }
}
