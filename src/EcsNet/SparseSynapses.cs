namespace EcsNet;

/// <summary>
/// The synapses no tile covers (pruned, skip and hand-wired ones), indexed twice in compressed runs, both grouped by
/// the layer the synapses end in:
/// <list type="bullet">
/// <item><see cref="ByTarget"/>: every synapse, one run per target j, source layer and chunk — the feedforward pass
/// (z_j += w_jk a_k) and the gradient (Σ_b a_k δ_j) keep j's m values in registers along the run;</item>
/// <item><see cref="BySource"/>: the synapses that leave a hidden layer, one run per source k, target layer and chunk —
/// the backpropagation (g_k += w_jk δ_j) keeps k's m values in registers instead of updating g_k once per synapse.
/// The input layer has no δ, so its synapses are left out.</item>
/// </list>
/// Both name each synapse's chunk row, and every pass reads the weight where it lives — in its <c>Weight</c>
/// component, the only copy — so the cost is proportional to the live synapses.
/// </summary>
internal sealed class SparseSynapses
{
    /// <summary>Every sparse synapse, in runs per target.</summary>
    public SparseRuns ByTarget { get; } = new();

    /// <summary>The sparse synapses leaving a hidden layer, in runs per source.</summary>
    public SparseRuns BySource { get; } = new();

    /// <summary>The number of sparse synapses.</summary>
    public long TotalWork => ByTarget.TotalWork;

    /// <summary>The bytes both indexes hold.</summary>
    public long Bytes => ByTarget.Bytes + BySource.Bytes;

    /// <summary>Lays out <paramref name="rows"/> (synapse rows given as chunk, row, source, target) as runs.</summary>
    public void Rebuild(List<SparseRow> rows, ReadOnlySpan<int> layerOfSlot, int layerCount)
    {
        var layerOf = layerOfSlot.ToArray();
        ByTarget.Rebuild(rows, r => r.Target, r => r.Source, layerOf, layerCount);
        BySource.Rebuild(rows.Where(r => layerOf[r.Source] > 0).ToList(), r => r.Source, r => r.Target, layerOf, layerCount);
    }
}

/// <summary>
/// Synapses in runs: each <see cref="SparseRun"/> is the synapses of one neuron (its own end: the target, or the
/// source) to or from one other layer that live in one chunk, and its <see cref="SparseEntry"/> items name each
/// synapse's other end and chunk row. Runs are grouped by the layer the synapses end in.
/// </summary>
internal sealed class SparseRuns
{
    private SparseRun[] _runs = [];
    private SparseEntry[] _entries = [];
    private int[] _runStart = [0];
    private long[] _work = [0];

    /// <summary>Every run, ordered by target layer, then own neuron, then other layer and chunk.</summary>
    public SparseRun[] Runs => _runs;

    /// <summary>The synapses of the runs, in run order; within a run ordered by chunk row.</summary>
    public SparseEntry[] Entries => _entries;

    /// <summary>The index in <see cref="Runs"/> of the first run into <paramref name="layer"/>.</summary>
    public int FirstRun(int layer) => _runStart[layer];

    /// <summary>The number of runs into <paramref name="layer"/>.</summary>
    public int RunCount(int layer) => _runStart[layer + 1] - _runStart[layer];

    /// <summary>The number of synapses into <paramref name="layer"/>: the work of a pass per sample.</summary>
    public long Work(int layer) => _work[layer];

    /// <summary>The number of synapses over all layers.</summary>
    public long TotalWork => _entries.Length;

    /// <summary>The bytes the index holds.</summary>
    public long Bytes => ((long)_runs.Length * System.Runtime.CompilerServices.Unsafe.SizeOf<SparseRun>())
                         + ((long)_entries.Length * System.Runtime.CompilerServices.Unsafe.SizeOf<SparseEntry>())
                         + (4L * _runStart.Length) + (8L * _work.Length);

    /// <summary>Lays out <paramref name="rows"/> as runs of the neuron <paramref name="own"/> names.</summary>
    public void Rebuild(List<SparseRow> rows, Func<SparseRow, int> own, Func<SparseRow, int> other, int[] layerOf, int layerCount)
    {
        // Target layer, own neuron, other layer, chunk: each key is one run. Inside a run rows ascend: a network built or
        // loaded target by target stores a target's weights in consecutive rows, which the gradient updates eight at a time.
        var sorted = rows.OrderBy(r => layerOf[r.Target]).ThenBy(own).ThenBy(r => layerOf[other(r)]).ThenBy(r => r.Chunk)
            .ThenBy(r => r.Row).ToArray();
        var runs = new List<SparseRun>();
        _entries = new SparseEntry[sorted.Length];
        _work = new long[layerCount];
        _runStart = new int[layerCount + 1];
        var start = 0;
        while (start < sorted.Length)
        {
            var first = sorted[start];
            var end = start;
            while (end < sorted.Length && own(sorted[end]) == own(first) && sorted[end].Chunk == first.Chunk
                   && layerOf[sorted[end].Target] == layerOf[first.Target] && layerOf[other(sorted[end])] == layerOf[other(first)])
            {
                _entries[end] = new SparseEntry(other(sorted[end]), sorted[end].Row);
                end++;
            }

            var layer = layerOf[first.Target];
            runs.Add(new SparseRun(own(first), first.Chunk, start, end - start, layerOf[first.Source]));
            _work[layer] += end - start;
            _runStart[layer + 1]++;
            start = end;
        }

        _runs = [.. runs];
        for (var l = 0; l < layerCount; l++)
        {
            _runStart[l + 1] += _runStart[l];
        }
    }
}

/// <summary>One synapse row as the plan scans it: chunk index and row, source slot k, target slot j.</summary>
internal readonly record struct SparseRow(int Chunk, int Row, int Source, int Target);

/// <summary>
/// Neuron <see cref="Neuron"/>'s synapses in chunk <see cref="Chunk"/>: entries [First, First + Count), all from
/// layer <see cref="SourceLayer"/>.
/// </summary>
internal readonly record struct SparseRun(int Neuron, int Chunk, int First, int Count, int SourceLayer);

/// <summary>One synapse of a run: the slot of its other end and its row in the run's chunk (where its weight lives).</summary>
internal readonly record struct SparseEntry(int Neuron, int Row);
