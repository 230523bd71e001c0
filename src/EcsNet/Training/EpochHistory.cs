using System.Collections;

namespace EcsNet.Training;

/// <summary>
/// The metrics of every epoch, in order, stored in fixed-size segments that are never copied: a run of many tiny
/// epochs (250,000 four-sample XOR epochs) spent a tenth of its time growing one list, copying and faulting in ever
/// larger arrays.
/// </summary>
internal sealed class EpochHistory : IReadOnlyList<EpochMetrics>
{
    private const int SegmentLength = 4096;
    private readonly List<EpochMetrics[]> _segments = [];

    /// <inheritdoc/>
    public int Count { get; private set; }

    /// <inheritdoc/>
    public EpochMetrics this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
            return _segments[index / SegmentLength][index % SegmentLength];
        }
    }

    /// <summary>Appends one epoch's metrics.</summary>
    public void Add(in EpochMetrics metrics)
    {
        var segment = Count / SegmentLength;
        var row = Count % SegmentLength;
        if (segment == _segments.Count)
        {
            // A short run should not pay for a whole segment: the first one starts small and grows to full length.
            _segments.Add(new EpochMetrics[segment == 0 ? 16 : SegmentLength]);
        }
        else if (row == _segments[segment].Length)
        {
            var grown = _segments[segment];
            Array.Resize(ref grown, Math.Min(2 * grown.Length, SegmentLength));
            _segments[segment] = grown;
        }

        _segments[segment][row] = metrics;
        Count++;
    }

    /// <inheritdoc/>
    public IEnumerator<EpochMetrics> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return _segments[i / SegmentLength][i % SegmentLength];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
