using EcsNet.Components;

namespace EcsNet;

/// <summary>
/// Where the synapses into each layer are, so a pass can visit them layer by layer without a lookup per synapse:
/// the synapse chunks (copies stay valid until the next structural change) and, per target layer, runs of
/// consecutive rows that share their source and target layers. Rebuilt when the topology changes.
/// </summary>
internal sealed class SynapsePlan
{
    private readonly List<Chunk> _chunks = [];
    private readonly List<SynapseSegment> _segments = [];
    private Chunk[] _chunkArray = [];
    private SynapseSegment[] _segmentArray = [];
    private int[] _layerStart = [0];

    /// <summary>The topology version this plan was built for.</summary>
    public long Version { get; private set; } = -1;

    /// <summary>The number of synapses the plan covers.</summary>
    public int SynapseCount { get; private set; }

    /// <summary>The synapse chunks, in query order.</summary>
    public Chunk[] Chunks => _chunkArray;

    /// <summary>Every segment, ordered by target layer.</summary>
    public ReadOnlySpan<SynapseSegment> All => _segmentArray;

    /// <summary>The segments whose synapses end in layer <paramref name="layer"/>.</summary>
    public ReadOnlySpan<SynapseSegment> Into(int layer)
        => _segmentArray.AsSpan(_layerStart[layer], _layerStart[layer + 1] - _layerStart[layer]);

    /// <summary>Scans the synapse chunks and groups their rows by target layer.</summary>
    public void Rebuild(World world, ReadOnlySpan<int> layerOfSlot, int layerCount, long version)
    {
        _chunks.Clear();
        _segments.Clear();
        var count = 0;
        foreach (ref var chunk in world.Query(in Network.SynapseQuery))
        {
            var index = _chunks.Count;
            _chunks.Add(chunk);
            var synapses = chunk.GetSpan<Synapse>();
            var rows = chunk.Count;
            count += rows;
            var start = 0;
            while (start < rows)
            {
                var target = layerOfSlot[synapses[start].Target];
                var source = layerOfSlot[synapses[start].Source];
                var end = start + 1;
                while (end < rows && layerOfSlot[synapses[end].Target] == target && layerOfSlot[synapses[end].Source] == source)
                {
                    end++;
                }

                _segments.Add(new SynapseSegment(index, start, end - start, source, target));
                start = end;
            }
        }

        // Stable: within a layer, segments keep chunk order, so passes are deterministic.
        var sorted = _segments.OrderBy(s => s.TargetLayer).ToArray();
        _layerStart = new int[layerCount + 1];
        foreach (var segment in sorted)
        {
            _layerStart[segment.TargetLayer + 1]++;
        }

        for (var l = 0; l < layerCount; l++)
        {
            _layerStart[l + 1] += _layerStart[l];
        }

        _segmentArray = sorted;
        _chunkArray = [.. _chunks];
        SynapseCount = count;
        Version = version;
    }
}

/// <summary>Rows [Start, Start + Count) of chunk <see cref="Chunk"/>: synapses from layer SourceLayer into layer TargetLayer.</summary>
internal readonly record struct SynapseSegment(int Chunk, int Start, int Count, int SourceLayer, int TargetLayer);
