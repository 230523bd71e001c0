using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace EcsNet.Benchmarks.Sparse;

/// <summary>Median / (live synapses × m): the cost of one synapse for one sample in a whole training step.</summary>
public sealed class NsPerLiveSynapseColumn : IColumn
{
    public string Id => nameof(NsPerLiveSynapseColumn);

    public string ColumnName => "ns/live synapse/sample";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 2;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => "Median / (surviving synapses × mini-batch size)";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase)
    {
        var median = summary[benchmarkCase]?.ResultStatistics?.Median;
        var shape = SpeedUpColumn.Parameter(benchmarkCase, "Shape");
        var pruned = SpeedUpColumn.Parameter(benchmarkCase, "Pruned");
        var batch = SpeedUpColumn.Parameter(benchmarkCase, "Batch");
        if (median is not > 0 || shape is null || pruned is null || batch is null)
        {
            return "?";
        }

        var live = PrunedStepBenchmarks.LiveSynapses(shape, pruned);
        return (median.Value / (live * int.Parse(batch, CultureInfo.InvariantCulture))).ToString("F3", CultureInfo.InvariantCulture);
    }

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => GetValue(summary, benchmarkCase);

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
}
