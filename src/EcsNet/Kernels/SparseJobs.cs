namespace EcsNet.Kernels;

/// <summary>
/// The sparse passes of one layer as partitioned jobs. Feedforward parts own a range of target slots (their z rows),
/// backpropagation parts a range of source slots (their g rows), gradient parts whole runs; every value is therefore
/// summed in the same order whatever the number of parts.
/// </summary>
internal abstract class SparseJob : IPartitionedJob
{
    public SparseRuns Index = new();
    public int First;
    public int Count;
    public Chunk[] Chunks = [];
    public int M;

    public abstract void Execute(int part, int parts);

    /// <summary>Sets the runs of <paramref name="index"/> into <paramref name="layer"/> (all layers when it is negative).</summary>
    public void Set(SynapsePlan plan, SparseRuns index, int layer, int m)
    {
        Index = index;
        First = layer < 0 ? 0 : index.FirstRun(layer);
        Count = layer < 0 ? index.Runs.Length : index.RunCount(layer);
        Chunks = plan.Chunks;
        M = m;
    }
}

/// <summary>
/// y_i += Σ_o w_io x_o over a layer's runs, each part owning a range of the runs' own neurons: z_j += Σ_k w_jk a_k
/// over runs by target, g_k += Σ_j w_jk δ_j over runs by source.
/// </summary>
internal sealed class GatherSparseJob : SparseJob
{
    public float[] X = [];
    public float[] Y = [];
    public int OwnStart;
    public int OwnEnd;

    public override void Execute(int part, int parts)
    {
        var (from, to) = PartRange.Of(OwnStart, OwnEnd, part, parts);
        SparseKernels.Gather(Index, First, Count, Chunks, X, Y, M, from, to);
    }
}

/// <summary>∂C/∂w += Σ_b a δ over runs by target; every run owns its synapses' gradients.</summary>
internal sealed class GradientSparseJob : SparseJob
{
    public float[] A = [];
    public float[] D = [];
    public bool IntoWeights;

    public override void Execute(int part, int parts)
    {
        var (from, to) = PartRange.Of(0, Count, part, parts);
        SparseKernels.Gradient(Index, First + from, to - from, Chunks, A, D, M, IntoWeights);
    }
}
