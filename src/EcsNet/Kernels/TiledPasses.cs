namespace EcsNet.Kernels;

/// <summary>
/// The fast path (<see cref="PassMode.Fast"/>): four-target SIMD tiles over fully connected runs, split over the worker
/// threads when large, then the rows no tile covers.
/// </summary>
internal sealed class TiledPasses : ISynapsePasses
{
    private readonly ForwardTileJob _forward = new();
    private readonly BackwardTileJob _backward = new();
    private readonly GradientTileJob _gradient = new();

    public void Forward(Network network, SynapsePlan plan, int layer, float[] a, float[] z, int m)
    {
        _forward.Set(plan, plan.TilesInto(layer), m);
        _forward.A = a;
        _forward.Z = z;
        network.RunTiles(_forward, plan.TileWork(layer) * m);
        RowPasses.Forward(plan.SparseInto(layer), plan.Chunks, a, z, m);
    }

    public void Backward(Network network, SynapsePlan plan, int layer, float[] d, float[] g, int m, int firstSource)
    {
        var (start, end) = plan.TileSources(layer);
        _backward.Set(plan, plan.TilesInto(layer), m);
        _backward.D = d;
        _backward.G = g;
        _backward.SourceStart = Math.Max(start, firstSource);
        _backward.SourceEnd = end;
        if (_backward.SourceStart < _backward.SourceEnd)
        {
            network.RunTiles(_backward, plan.TileWork(layer) * m);
        }

        RowPasses.Backward(plan.SparseInto(layer), plan.Chunks, d, g, m);
    }

    public void Gradient(Network network, SynapsePlan plan, float[] a, float[] d, int m, bool intoWeights)
    {
        // The tiles read activations sample-major, as the feedforward pass left them.
        _gradient.Set(plan, plan.AllTiles, m);
        _gradient.SampleMajor = network.Batch.AT;
        _gradient.Stride = network.NeuronCount;
        _gradient.A = a;
        _gradient.D = d;
        _gradient.IntoWeights = intoWeights;
        long work = 0;
        for (var l = 1; l < network.Layers.Count; l++)
        {
            work += plan.TileWork(l);
        }

        network.RunTiles(_gradient, work * m);
        RowPasses.Gradient(plan.AllSparse, plan.Chunks, a, d, m, intoWeights);
    }
}
