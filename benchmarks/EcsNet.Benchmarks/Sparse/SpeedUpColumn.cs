using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace EcsNet.Benchmarks.Sparse;

/// <summary>Median of the unpruned step of the same shape and batch size / this case's median, both from one run.</summary>
public sealed class SpeedUpColumn : IColumn
{
    public string Id => nameof(SpeedUpColumn);

    public string ColumnName => "Speed-up";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 1;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => "Median of the unpruned step (same Shape and Batch, same run) / this median";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase)
    {
        var unpruned = summary.BenchmarksCases.FirstOrDefault(c =>
            Parameter(c, "Pruned") == "none" && Parameter(c, "Shape") == Parameter(benchmarkCase, "Shape") && Parameter(c, "Batch") == Parameter(benchmarkCase, "Batch"));
        var baseline = unpruned is null ? null : summary[unpruned]?.ResultStatistics?.Median;
        var median = summary[benchmarkCase]?.ResultStatistics?.Median;
        return baseline is > 0 && median is > 0 ? (baseline.Value / median.Value).ToString("F2", CultureInfo.InvariantCulture) + "×" : "?";
    }

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => GetValue(summary, benchmarkCase);

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    internal static string? Parameter(BenchmarkCase benchmarkCase, string name)
        => benchmarkCase.Parameters.Items.FirstOrDefault(p => p.Name == name)?.Value?.ToString();
}
