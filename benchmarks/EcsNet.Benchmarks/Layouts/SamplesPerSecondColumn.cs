using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace EcsNet.Benchmarks.Layouts;

/// <summary>Throughput column: samples/s = m / median time of one step.</summary>
public sealed class SamplesPerSecondColumn : IColumn
{
    public string Id => nameof(SamplesPerSecondColumn);

    public string ColumnName => "Samples/s";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => "Training samples per second: mini-batch size / Median";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase)
    {
        var m = LayoutColumns.SamplesPerStep(benchmarkCase);
        var median = LayoutColumns.MedianNanoseconds(summary, benchmarkCase);
        return m is null || median is not > 0 ? "?" : LayoutColumns.Format(m.Value * 1e9 / median.Value);
    }

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => GetValue(summary, benchmarkCase);

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
}
