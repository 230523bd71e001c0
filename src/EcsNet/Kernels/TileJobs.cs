namespace EcsNet.Kernels;

/// <summary>
/// The tile passes of one layer as partitioned jobs. Each part owns disjoint outputs: forward parts own whole target
/// groups (their z rows), backward parts own a range of source rows of g, gradient parts own whole tiles. Every output
/// value is therefore summed in the same order whatever the number of parts.
/// </summary>
internal abstract class TileJob : IPartitionedJob
{
    public SynapseTile[] Tiles = [];
    public int First;
    public int Count;
    public Chunk[] Chunks = [];
    public int M;

    public abstract void Execute(int part, int parts);

    /// <summary>Sets the tiles [first, first + count) of the plan's tile array.</summary>
    public void Set(SynapsePlan plan, ReadOnlySpan<SynapseTile> tiles, int m)
    {
        Tiles = plan.TileArray;
        First = tiles.IsEmpty ? 0 : plan.IndexOf(tiles);
        Count = tiles.Length;
        Chunks = plan.Chunks;
        M = m;
    }

    /// <summary>Part boundaries in tile index, moved forward so a group of targets is never split.</summary>
    protected int Boundary(int part, int parts)
    {
        var i = Count * part / parts;
        while (i > 0 && i < Count && Tiles[First + i].Targets[0] == Tiles[First + i - 1].Targets[0])
        {
            i++;
        }

        return i;
    }
}

/// <summary>z_j += Σ_k w_jk a_k over a layer's tiles.</summary>
internal sealed class ForwardTileJob : TileJob
{
    public float[] A = [];
    public float[] Z = [];

    public override void Execute(int part, int parts)
    {
        for (var i = Boundary(part, parts); i < Boundary(part + 1, parts); i++)
        {
            TileKernels.Forward(Tiles[First + i], Chunks, A, Z, M);
        }
    }
}

/// <summary>g_k += Σ_j w_jk δ_j over a layer's tiles, each part owning a slice of the source rows.</summary>
internal sealed class BackwardTileJob : TileJob
{
    public float[] D = [];
    public float[] G = [];
    public int SourceStart;
    public int SourceEnd;

    public override void Execute(int part, int parts)
    {
        var (from, to) = PartRange.Of(SourceStart, SourceEnd, part, parts);
        for (var i = 0; i < Count; i++)
        {
            TileKernels.Backward(Tiles[First + i], Chunks, D, G, M, from, to);
        }
    }
}

/// <summary>∂C/∂w += Σ_b a δ over tiles; every tile owns its own gradient run.</summary>
internal sealed class GradientTileJob : TileJob
{
    public float[] A = [];
    public bool IntoWeights;
    public float[] SampleMajor = [];
    public int Stride;
    public float[] D = [];

    public override void Execute(int part, int parts)
    {
        var (from, to) = PartRange.Of(0, Count, part, parts);
        for (var i = from; i < to; i++)
        {
            TileKernels.Gradient(Tiles[First + i], Chunks, A, SampleMajor, Stride, D, M, IntoWeights);
        }
    }
}
