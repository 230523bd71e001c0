using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;

namespace EcsNet.Benchmarks.Layouts;

/// <summary>
/// Config of the layout workloads (merged with the command-line config): Median and Min next to the Mean —
/// the targets in benchmarks/README.md are medians, and on a shared 2-core machine the mean picks up other processes' noise — and
/// the derived samples/s column.
/// </summary>
public class LayoutConfig : ManualConfig
{
    public LayoutConfig() => AddColumn(StatisticColumn.Median, StatisticColumn.Min, new SamplesPerSecondColumn());
}
