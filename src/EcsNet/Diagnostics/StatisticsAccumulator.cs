namespace EcsNet.Diagnostics;

/// <summary>
/// Builds a <see cref="ValueStatistics"/> in one pass. The variance uses Welford's update, which stays accurate when
/// the mean is large next to the spread (a layer of saturating biases), unlike Σv² − n·mean².
/// </summary>
internal struct StatisticsAccumulator
{
    private int _count;
    private double _mean;
    private double _m2;
    private double _sumOfSquares;
    private double _min;
    private double _max;

    public void Add(double value)
    {
        _count++;
        var d = value - _mean;
        _mean += d / _count;
        _m2 += d * (value - _mean);
        _sumOfSquares += value * value;
        _min = _count == 1 ? value : Math.Min(_min, value);
        _max = _count == 1 ? value : Math.Max(_max, value);
    }

    public readonly ValueStatistics Result => _count == 0
        ? default
        : new ValueStatistics(_count, _mean, Math.Sqrt(_m2 / _count), _min, _max, Math.Sqrt(_sumOfSquares));
}
