using EcsNet.Components;

namespace EcsNet;

/// <summary>
/// Where the synapses into each layer are, so a pass visits them layer by layer with no lookup per synapse. Built by
/// scanning the synapse chunks (chunk copies stay valid until the next structural change):
/// <list type="bullet">
/// <item><see cref="Into"/>: every row, in storage order, grouped by target layer — the per-synapse reference path;</item>
/// <item><see cref="TilesInto"/>: long runs of one target's synapses from consecutive sources (fully connected rows),
/// grouped four targets at a time — the dense fast path;</item>
/// <item><see cref="Sparse"/>: all other rows (pruned, hand-wired, skip synapses), compressed per target — the sparse
/// fast path.</item>
/// </list>
/// </summary>
internal sealed class SynapsePlan
{
    /// <summary>Runs shorter than this are cheaper row by row than as a tile.</summary>
    private const int MinTileLength = 8;

    private Chunk[] _chunks = [];
    private SynapseSegment[] _segments = [];
    private SynapseTile[] _tiles = [];
    private int[] _segmentStart = [0];
    private int[] _tileStart = [0];
    private long[] _tileWork = [0];
    private (int Start, int End)[] _tileSourceRanges = [];

    /// <summary>The number of synapses the plan covers.</summary>
    public int SynapseCount { get; private set; }

    /// <summary>The bytes the plan's own arrays hold (the chunks it points into not counted).</summary>
    public long Bytes => ((long)_chunks.Length * System.Runtime.CompilerServices.Unsafe.SizeOf<Chunk>()) + (8L * _tileWork.Length)
                         + (4L * (_segmentStart.Length + _tileStart.Length))
                         + ((long)_segments.Length * System.Runtime.CompilerServices.Unsafe.SizeOf<SynapseSegment>())
                         + ((long)_tiles.Length * System.Runtime.CompilerServices.Unsafe.SizeOf<SynapseTile>())
                         + Sparse.Bytes;

    /// <summary>The synapse chunks, in query order.</summary>
    public Chunk[] Chunks => _chunks;

    /// <summary>Every row as segments, ordered by target layer.</summary>
    public ReadOnlySpan<SynapseSegment> All => _segments;

    /// <summary>Every row into <paramref name="layer"/> (reference path).</summary>
    public ReadOnlySpan<SynapseSegment> Into(int layer) => Slice(_segments, _segmentStart, layer);

    /// <summary>The dense tiles into <paramref name="layer"/>.</summary>
    public ReadOnlySpan<SynapseTile> TilesInto(int layer) => Slice(_tiles, _tileStart, layer);

    /// <summary>The number of synapses the tiles into <paramref name="layer"/> cover: the work of a tile pass per sample.</summary>
    public long TileWork(int layer) => _tileWork[layer];

    /// <summary>The number of synapses all tiles cover.</summary>
    public long TotalTileWork { get; private set; }

    /// <summary>The lowest and one past the highest source slot of the tiles into <paramref name="layer"/>.</summary>
    public (int Start, int End) TileSources(int layer)
    {
        var tiles = TilesInto(layer);
        var start = int.MaxValue;
        var end = 0;
        foreach (ref readonly var tile in tiles)
        {
            start = Math.Min(start, tile.FirstSource);
            end = Math.Max(end, tile.FirstSource + tile.Length);
        }

        return tiles.IsEmpty ? (0, 0) : (start, end);
    }

    /// <summary>
    /// The slot ranges, ascending and disjoint, that hold every tile's sources: the activations the tile gradient reads
    /// sample-major. A network with no tile from a layer needs no sample-major copy of it.
    /// </summary>
    public ReadOnlySpan<(int Start, int End)> TileSourceRanges => _tileSourceRanges;

    /// <summary>The rows no tile covers, compressed per target.</summary>
    public SparseSynapses Sparse { get; } = new();

    /// <summary>The array behind <see cref="TilesInto"/>, for jobs that index it.</summary>
    public SynapseTile[] TileArray => _tiles;

    /// <summary>The index in <see cref="TileArray"/> of the first tile of a slice returned by <see cref="TilesInto"/>.</summary>
    public int IndexOf(ReadOnlySpan<SynapseTile> slice)
        => (int)(System.Runtime.CompilerServices.Unsafe.ByteOffset(ref _tiles[0], ref System.Runtime.InteropServices.MemoryMarshal.GetReference(slice))
                 / System.Runtime.CompilerServices.Unsafe.SizeOf<SynapseTile>());

    /// <summary>Every tile.</summary>
    public ReadOnlySpan<SynapseTile> AllTiles => _tiles;


    /// <summary>Scans the synapse chunks and lays out the passes.</summary>
    /// <exception cref="InvalidOperationException">A synapse entity lacks a component the passes need, or its ends do
    /// not name a forward connection between two neurons of the network.</exception>
    public void Rebuild(World world, ReadOnlySpan<int> layerOfSlot, int layerCount)
    {
        CheckSynapses(world, layerOfSlot);
        var chunks = new List<Chunk>();
        var segments = new List<SynapseSegment>();
        var sparse = new List<SparseRow>();
        var runs = new List<Run>();
        var count = 0;
        foreach (ref var chunk in world.Query(in NetworkQueries.Weights))
        {
            var index = chunks.Count;
            chunks.Add(chunk);
            var synapses = chunk.GetSpan<Synapse>()[..chunk.Count];
            count += synapses.Length;
            AddSegments(segments, synapses, layerOfSlot, index);

            // Runs: consecutive rows with one target and consecutive sources.
            var isTiled = new bool[synapses.Length];
            var start = 0;
            while (start < synapses.Length)
            {
                var end = start + 1;
                while (end < synapses.Length && synapses[end].Target == synapses[start].Target
                       && synapses[end].Source == synapses[end - 1].Source + 1)
                {
                    end++;
                }

                if (end - start >= MinTileLength)
                {
                    var s = synapses[start];
                    runs.Add(new Run(index, start, end - start, s.Target, s.Source, layerOfSlot[s.Target], layerOfSlot[s.Source]));
                    isTiled.AsSpan(start, end - start).Fill(true);
                }

                start = end;
            }

            for (var r = 0; r < synapses.Length; r++)
            {
                if (!isTiled[r])
                {
                    sparse.Add(new SparseRow(index, r, synapses[r].Source, synapses[r].Target));
                }
            }
        }

        _chunks = [.. chunks];
        (_segments, _segmentStart) = ByTargetLayer(segments, s => s.TargetLayer, layerCount);
        Sparse.Rebuild(sparse, layerOfSlot, layerCount);
        var layerOf = layerOfSlot.ToArray();
        (_tiles, _tileStart) = ByTargetLayer(BuildTiles(runs), t => layerOf[t.Targets[0]], layerCount);
        _tileWork = new long[layerCount];
        foreach (var tile in _tiles)
        {
            _tileWork[layerOf[tile.Targets[0]]] += (long)tile.Count * tile.Length;
        }

        TotalTileWork = _tileWork.Sum();

        _tileSourceRanges = SourceRanges(_tiles);
        SynapseCount = count;
    }

    /// <summary>The union of the tiles' source ranges; ranges closer than a transpose block are joined.</summary>
    private static (int Start, int End)[] SourceRanges(SynapseTile[] tiles)
    {
        var ranges = new List<(int Start, int End)>();
        foreach (var tile in tiles.OrderBy(t => t.FirstSource))
        {
            var end = tile.FirstSource + tile.Length;
            if (ranges.Count > 0 && tile.FirstSource <= ranges[^1].End + 8)
            {
                ranges[^1] = (ranges[^1].Start, Math.Max(ranges[^1].End, end));
            }
            else
            {
                ranges.Add((tile.FirstSource, end));
            }
        }

        return [.. ranges];
    }

    /// <summary>Synapses made on the world directly are checked here, where a wrong one would otherwise be skipped or misread.</summary>
    private static void CheckSynapses(World world, ReadOnlySpan<int> layerOfSlot)
    {
        var all = world.CountEntities(in NetworkQueries.Synapses);
        var complete = world.CountEntities(in NetworkQueries.Weights);
        if (all != complete)
        {
            throw new InvalidOperationException(
                $"{all - complete} synapse entities lack a Weight, WeightGradient or OptimizerState component; a synapse needs all of them (Network.Connect adds them)");
        }

        foreach (ref var chunk in world.Query(in NetworkQueries.Synapses))
        {
            foreach (var s in chunk.GetSpan<Synapse>()[..chunk.Count])
            {
                if ((uint)s.Source >= (uint)layerOfSlot.Length || (uint)s.Target >= (uint)layerOfSlot.Length)
                {
                    throw new InvalidOperationException(
                        $"a synapse connects neuron slots {s.Source} → {s.Target}, but the network has slots 0..{layerOfSlot.Length - 1}");
                }

                if (layerOfSlot[s.Source] >= layerOfSlot[s.Target])
                {
                    throw new InvalidOperationException(
                        $"a synapse connects slot {s.Source} (layer {layerOfSlot[s.Source]}) → slot {s.Target} (layer {layerOfSlot[s.Target]}); synapses must go forward");
                }
            }
        }
    }

    private static void AddSegments(List<SynapseSegment> into, ReadOnlySpan<Synapse> synapses, ReadOnlySpan<int> layerOfSlot, int chunk)
    {
        var start = 0;
        while (start < synapses.Length)
        {
            var target = layerOfSlot[synapses[start].Target];
            var source = layerOfSlot[synapses[start].Source];
            var end = start + 1;
            while (end < synapses.Length && layerOfSlot[synapses[end].Target] == target && layerOfSlot[synapses[end].Source] == source)
            {
                end++;
            }

            into.Add(new SynapseSegment(chunk, start, end - start, source, target));
            start = end;
        }
    }

    /// <summary>
    /// Groups the runs of four consecutive targets that cover the same sources; a run's chunk boundaries differ per
    /// target, so the shared source range is cut at every target's boundaries and each piece becomes one tile.
    /// </summary>
    private static List<SynapseTile> BuildTiles(List<Run> runs)
    {
        var tiles = new List<SynapseTile>();
        var byTarget = runs.GroupBy(r => r.Target).OrderBy(g => g.Key).Select(g => g.OrderBy(r => r.FirstSource).ToArray()).ToList();
        var i = 0;
        while (i < byTarget.Count)
        {
            var group = byTarget.Skip(i).Take(4).ToList();
            if (group.Count == 4 && SameCoverage(group))
            {
                var cuts = group.SelectMany(runsOf => runsOf.SelectMany(r => new[] { r.FirstSource, r.FirstSource + r.Length })).Distinct().Order().ToArray();
                for (var c = 0; c + 1 < cuts.Length; c++)
                {
                    var tile = new SynapseTile { Count = 4, FirstSource = cuts[c], Length = cuts[c + 1] - cuts[c] };
                    for (var t = 0; t < 4; t++)
                    {
                        var run = group[t].First(r => r.FirstSource <= cuts[c] && cuts[c] < r.FirstSource + r.Length);
                        tile.Targets[t] = run.Target;
                        tile.Chunks[t] = run.Chunk;
                        tile.Rows[t] = run.Row + (cuts[c] - run.FirstSource);
                    }

                    tiles.Add(tile);
                }

                i += 4;
                continue;
            }

            foreach (var run in byTarget[i])
            {
                var tile = new SynapseTile { Count = 1, FirstSource = run.FirstSource, Length = run.Length };
                tile.Targets[0] = run.Target;
                tile.Chunks[0] = run.Chunk;
                tile.Rows[0] = run.Row;
                tiles.Add(tile);
            }

            i++;
        }

        return tiles;
    }

    /// <summary>Whether every target's runs cover one and the same gap-free source range.</summary>
    private static bool SameCoverage(List<Run[]> group)
    {
        static (int Start, int End)? Range(Run[] runs)
        {
            for (var r = 1; r < runs.Length; r++)
            {
                if (runs[r].FirstSource != runs[r - 1].FirstSource + runs[r - 1].Length)
                {
                    return null;
                }
            }

            return (runs[0].FirstSource, runs[^1].FirstSource + runs[^1].Length);
        }

        var first = Range(group[0]);
        return first is not null && group.All(g => Range(g) == first);
    }

    private static (T[] Items, int[] Start) ByTargetLayer<T>(List<T> items, Func<T, int> layerOf, int layerCount)
    {
        // Stable: within a layer, items keep storage order, so every pass sums in the same order.
        var sorted = items.OrderBy(layerOf).ToArray();
        var start = new int[layerCount + 1];
        foreach (var item in sorted)
        {
            start[layerOf(item) + 1]++;
        }

        for (var l = 0; l < layerCount; l++)
        {
            start[l + 1] += start[l];
        }

        return (sorted, start);
    }

    private static ReadOnlySpan<T> Slice<T>(T[] items, int[] start, int layer) => items.AsSpan(start[layer], start[layer + 1] - start[layer]);

    private readonly record struct Run(int Chunk, int Row, int Length, int Target, int FirstSource, int TargetLayer, int SourceLayer);
}

/// <summary>Rows [Start, Start + Count) of chunk <see cref="Chunk"/>: synapses from layer SourceLayer into layer TargetLayer.</summary>
internal readonly record struct SynapseSegment(int Chunk, int Start, int Count, int SourceLayer, int TargetLayer);
