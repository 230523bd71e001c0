namespace EcsNet.Diagnostics;

/// <summary>
/// Summary statistics of a set of values (weights or biases): count, mean, population standard deviation
/// √(Σ(v − mean)² / n), minimum, maximum and L2 norm √(Σ v²). All are 0 for an empty set.
/// </summary>
/// <param name="Count">The number of values n.</param>
/// <param name="Mean">Σ v / n.</param>
/// <param name="StandardDeviation">The population standard deviation (divides by n, not n − 1).</param>
/// <param name="Min">The smallest value.</param>
/// <param name="Max">The largest value.</param>
/// <param name="L2Norm">√(Σ v²).</param>
public readonly record struct ValueStatistics(int Count, double Mean, double StandardDeviation, double Min, double Max, double L2Norm)
{
    /// <summary>The statistics of <paramref name="values"/>.</summary>
    public static ValueStatistics Of(IEnumerable<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var accumulator = new StatisticsAccumulator();
        foreach (var v in values)
        {
            accumulator.Add(v);
        }

        return accumulator.Result;
    }
}
