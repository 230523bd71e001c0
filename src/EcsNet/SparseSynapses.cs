namespace EcsNet;

/// <summary>
/// The synapses no tile covers (pruned, skip and hand-wired ones), compressed per target: each <see cref="SparseRun"/>
/// is one target j's synapses from one source layer that live in one chunk, and its <see cref="SparseEntry"/> items
/// name each synapse's source slot k and chunk row. A pass keeps j's m values in registers along a run and reads every
/// weight where it lives — in its <c>Weight</c> component — so the cost is proportional to the live synapses and no
/// row of storage order is ever needed.
/// </summary>
internal sealed class SparseSynapses
{
    private SparseRun[] _runs = [];
    private SparseEntry[] _entries = [];
    private int[] _runStart = [0];
    private long[] _work = [0];

    /// <summary>Every run, ordered by target layer, then source block, then target.</summary>
    public SparseRun[] Runs => _runs;

    /// <summary>The synapses of the runs, in run order; within a run ordered by chunk row.</summary>
    public SparseEntry[] Entries => _entries;

    /// <summary>
    /// The width, in source slots, of the blocks a layer's runs are cut into: a block of 128 sources' rows (16 KiB at
    /// m = 32) stays in the L1 cache while every target takes its synapses from it, instead of each target streaming
    /// the whole previous layer from L2. Sparser layers get wider blocks, so a run still holds about 16 synapses.
    /// </summary>
    private static int[] BlockWidths(List<SparseRow> rows, int[] layerOf, int layerCount)
    {
        var count = new long[layerCount];
        var low = Enumerable.Repeat(int.MaxValue, layerCount).ToArray();
        var high = new int[layerCount];
        var targets = new HashSet<int>[layerCount];
        foreach (var r in rows)
        {
            var l = layerOf[r.Target];
            count[l]++;
            low[l] = Math.Min(low[l], r.Source);
            high[l] = Math.Max(high[l], r.Source + 1);
            (targets[l] ??= []).Add(r.Target);
        }

        var width = new int[layerCount];
        for (var l = 0; l < layerCount; l++)
        {
            var density = count[l] == 0 ? 1.0 : count[l] / ((double)targets[l].Count * (high[l] - low[l]));
            width[l] = (int)Math.Clamp(Math.Ceiling(16 / density), 128, int.MaxValue);
        }

        return width;
    }

    /// <summary>The index in <see cref="Runs"/> of the first run into <paramref name="layer"/>.</summary>
    public int FirstRun(int layer) => _runStart[layer];

    /// <summary>The number of runs into <paramref name="layer"/>.</summary>
    public int RunCount(int layer) => _runStart[layer + 1] - _runStart[layer];

    /// <summary>The number of synapses into <paramref name="layer"/>: the work of a pass per sample.</summary>
    public long Work(int layer) => _work[layer];

    /// <summary>The number of synapses over all layers.</summary>
    public long TotalWork { get; private set; }

    /// <summary>The bytes the structure holds.</summary>
    public long Bytes => ((long)_runs.Length * System.Runtime.CompilerServices.Unsafe.SizeOf<SparseRun>())
                         + ((long)_entries.Length * System.Runtime.CompilerServices.Unsafe.SizeOf<SparseEntry>())
                         + (4L * _runStart.Length) + (8L * _work.Length);

    /// <summary>Lays out <paramref name="rows"/> (synapse rows given as chunk, row, source, target) as runs.</summary>
    public void Rebuild(List<SparseRow> rows, ReadOnlySpan<int> layerOfSlot, int layerCount)
    {
        var layerOf = layerOfSlot.ToArray();
        var block = BlockWidths(rows, layerOf, layerCount);

        // Target layer, source block, target, source layer, chunk: each key is one run. Inside it rows ascend: a network
        // built or loaded target by target stores a run's weights in consecutive rows (sources ascending too), which the
        // gradient pass then updates eight at a time.
        var sorted = rows.OrderBy(r => layerOf[r.Target]).ThenBy(r => r.Source / block[layerOf[r.Target]]).ThenBy(r => r.Target)
            .ThenBy(r => layerOf[r.Source]).ThenBy(r => r.Chunk).ThenBy(r => r.Row).ToArray();
        var runs = new List<SparseRun>();
        _entries = new SparseEntry[sorted.Length];
        _work = new long[layerCount];
        var start = 0;
        while (start < sorted.Length)
        {
            var first = sorted[start];
            var sourceLayer = layerOf[first.Source];
            var sourceBlock = first.Source / block[layerOf[first.Target]];
            var end = start;
            while (end < sorted.Length && sorted[end].Target == first.Target && sorted[end].Chunk == first.Chunk
                   && layerOf[sorted[end].Source] == sourceLayer && sorted[end].Source / block[layerOf[first.Target]] == sourceBlock)
            {
                _entries[end] = new SparseEntry(sorted[end].Source, sorted[end].Row);
                end++;
            }

            runs.Add(new SparseRun(first.Target, first.Chunk, start, end - start, sourceLayer));
            _work[layerOf[first.Target]] += end - start;
            start = end;
        }

        _runs = [.. runs];
        TotalWork = sorted.Length;
        _runStart = new int[layerCount + 1];
        foreach (var run in _runs)
        {
            _runStart[layerOf[run.Target] + 1]++;
        }

        for (var l = 0; l < layerCount; l++)
        {
            _runStart[l + 1] += _runStart[l];
        }
    }
}

/// <summary>One synapse row as the plan scans it: chunk index and row, source slot k, target slot j.</summary>
internal readonly record struct SparseRow(int Chunk, int Row, int Source, int Target);

/// <summary>Target j's synapses from layer <see cref="SourceLayer"/> in chunk <see cref="Chunk"/>: entries [First, First + Count).</summary>
internal readonly record struct SparseRun(int Target, int Chunk, int First, int Count, int SourceLayer);

/// <summary>One synapse of a run: its source slot k and its row in the run's chunk (where its weight lives).</summary>
internal readonly record struct SparseEntry(int Source, int Row);
