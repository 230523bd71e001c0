namespace EcsNet.Kernels;

/// <summary>
/// The fast path (<see cref="PassMode.Fast"/>): four-target SIMD tiles over fully connected runs, then the sparse runs
/// of the rows no tile covers; both split over the worker threads when large.
/// </summary>
internal sealed class TiledPasses : ISynapsePasses
{
    private readonly ForwardTileJob _forward = new();
    private readonly BackwardTileJob _backward = new();
    private readonly GradientTileJob _gradient = new();
    private readonly GatherSparseJob _sparseForward = new();
    private readonly GatherSparseJob _sparseBackward = new();
    private readonly GradientSparseJob _sparseGradient = new();

    // A pass with no tiles or no sparse runs for a layer skips that job outright: on a tiny network (2-3-1 has no
    // four-target tile) setting up and dispatching the empty jobs was a sizeable part of the step. A sparse pass that
    // stays on this thread calls its kernel directly, as the job's only part would: filling the job's array fields
    // costs a write barrier each, about a tenth of a 2-3-1 step.
    public void Forward(Network network, SynapsePlan plan, int layer, float[] a, float[] z, int m)
    {
        if (plan.TileWork(layer) > 0)
        {
            _forward.Set(plan, plan.TilesInto(layer), m);
            _forward.A = a;
            _forward.Z = z;
            network.RunTiles(_forward, plan.TileWork(layer) * m);
        }

        var byTarget = plan.Sparse.ByTarget;
        if (byTarget.Work(layer) == 0)
        {
            return;
        }

        var target = network.LayerSpan[layer];
        if (!network.SplitsWork(byTarget.Work(layer) * m))
        {
            SparseKernels.Gather(byTarget, byTarget.FirstRun(layer), byTarget.RunCount(layer), plan.Chunks, a, z, m, target.FirstSlot, target.FirstSlot + target.Size);
            return;
        }

        _sparseForward.Set(plan, byTarget, layer, m);
        _sparseForward.X = a;
        _sparseForward.Y = z;
        _sparseForward.OwnStart = target.FirstSlot;
        _sparseForward.OwnEnd = target.FirstSlot + target.Size;
        network.RunTiles(_sparseForward, byTarget.Work(layer) * m);
    }

    public void Backward(Network network, SynapsePlan plan, int layer, float[] d, float[] g, int m, int firstSource)
    {
        var (start, end) = plan.TileSources(layer);
        if (Math.Max(start, firstSource) < end && plan.TileWork(layer) > 0)
        {
            _backward.Set(plan, plan.TilesInto(layer), m);
            _backward.D = d;
            _backward.G = g;
            _backward.SourceStart = Math.Max(start, firstSource);
            _backward.SourceEnd = end;
            network.RunTiles(_backward, plan.TileWork(layer) * m);
        }

        // Runs by source hold only synapses leaving a hidden layer: those from the input layer have no δ to carry.
        var bySource = plan.Sparse.BySource;
        if (bySource.Work(layer) == 0)
        {
            return;
        }

        if (!network.SplitsWork(bySource.Work(layer) * m))
        {
            SparseKernels.Gather(bySource, bySource.FirstRun(layer), bySource.RunCount(layer), plan.Chunks, d, g, m, firstSource, network.LayerSpan[layer].FirstSlot);
            return;
        }

        _sparseBackward.Set(plan, bySource, layer, m);
        _sparseBackward.X = d;
        _sparseBackward.Y = g;
        _sparseBackward.OwnStart = firstSource;
        _sparseBackward.OwnEnd = network.LayerSpan[layer].FirstSlot;
        network.RunTiles(_sparseBackward, bySource.Work(layer) * m);
    }

    public void Gradient(Network network, SynapsePlan plan, float[] a, float[] d, int m, bool intoWeights)
    {
        var work = plan.TotalTileWork;
        if (work > 0)
        {
            // The tiles read their sources' activations sample-major. Loading the batch left the inputs there; of the
            // hidden slots only those some tile reads are transposed, so a pruned layer no tile leaves costs no copy.
            foreach (var (start, end) in plan.TileSourceRanges)
            {
                if (end > network.InputSize)
                {
                    network.Batch.SampleMajorActivations(Math.Max(start, network.InputSize), end);
                }
            }

            _gradient.Set(plan, plan.AllTiles, m);
            _gradient.SampleMajor = network.Batch.AT;
            _gradient.Stride = network.NeuronCount;
            _gradient.A = a;
            _gradient.D = d;
            _gradient.IntoWeights = intoWeights;
            network.RunTiles(_gradient, work * m);
        }

        if (plan.Sparse.TotalWork == 0)
        {
            return;
        }

        var byTarget = plan.Sparse.ByTarget;
        if (!network.SplitsWork(byTarget.TotalWork * m))
        {
            SparseKernels.Gradient(byTarget, 0, byTarget.Runs.Length, plan.Chunks, a, d, m, intoWeights);
            return;
        }

        _sparseGradient.Set(plan, byTarget, -1, m);
        _sparseGradient.A = a;
        _sparseGradient.D = d;
        _sparseGradient.IntoWeights = intoWeights;
        network.RunTiles(_sparseGradient, plan.Sparse.TotalWork * m);
    }
}
