namespace EcsNet.Kernels;

/// <summary>
/// The sparse passes of one layer as partitioned jobs. Forward parts own a range of target slots (their z rows),
/// backward parts a range of source rows of g, gradient parts whole runs; every value is therefore summed in the same
/// order whatever the number of parts.
/// </summary>
internal abstract class SparseJob : IPartitionedJob
{
    public SparseSynapses Sparse = new();
    public int First;
    public int Count;
    public Chunk[] Chunks = [];
    public int M;

    public abstract void Execute(int part, int parts);

    /// <summary>Sets the runs into <paramref name="layer"/> (all layers when it is negative).</summary>
    public void Set(SynapsePlan plan, int layer, int m)
    {
        Sparse = plan.Sparse;
        First = layer < 0 ? 0 : Sparse.FirstRun(layer);
        Count = layer < 0 ? Sparse.Runs.Length : Sparse.RunCount(layer);
        Chunks = plan.Chunks;
        M = m;
    }

}

/// <summary>z_j += Σ_k w_jk a_k over a layer's sparse runs.</summary>
internal sealed class ForwardSparseJob : SparseJob
{
    public float[] A = [];
    public float[] Z = [];
    public int TargetStart;
    public int TargetEnd;

    public override void Execute(int part, int parts)
    {
        var span = TargetEnd - TargetStart;
        var from = TargetStart + (int)((long)span * part / parts);
        var to = TargetStart + (int)((long)span * (part + 1) / parts);
        SparseKernels.Forward(Sparse, First, Count, Chunks, A, Z, M, from, to);
    }
}

/// <summary>g_k += Σ_j w_jk δ_j over a layer's sparse runs, each part owning a slice of the source rows.</summary>
internal sealed class BackwardSparseJob : SparseJob
{
    public float[] D = [];
    public float[] G = [];
    public int SourceStart;
    public int SourceEnd;

    public override void Execute(int part, int parts)
    {
        var span = SourceEnd - SourceStart;
        var from = SourceStart + (int)((long)span * part / parts);
        var to = SourceStart + (int)((long)span * (part + 1) / parts);
        SparseKernels.Backward(Sparse, First, Count, Chunks, D, G, M, from, to);
    }
}

/// <summary>∂C/∂w += Σ_b a δ over sparse runs; every run owns its synapses' gradients.</summary>
internal sealed class GradientSparseJob : SparseJob
{
    public float[] A = [];
    public float[] D = [];
    public bool IntoWeights;

    public override void Execute(int part, int parts)
    {
        var from = (int)((long)Count * part / parts);
        var to = (int)((long)Count * (part + 1) / parts);
        SparseKernels.Gradient(Sparse, First + from, to - from, Chunks, A, D, M, IntoWeights);
    }
}
