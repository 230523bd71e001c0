using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using EcsNet.Baselines;

namespace EcsNet.Benchmarks.Layouts;

/// <summary>
/// Scaling column of W5: ns per synapse per sample = Median / (synapses × m), where synapses is the actual count
/// of the shape chosen for the <c>Synapses</c> parameter (<see cref="NetworkSetup.SingleHiddenLayerWithSynapses"/>).
/// A training step touches every synapse about three times per sample (forward, backprop, gradient/update),
/// so the dense limit is a few hundredths of a ns.
/// </summary>
public sealed class NsPerSynapseSampleColumn : IColumn
{
    public string Id => nameof(NsPerSynapseSampleColumn);

    public string ColumnName => "ns/synapse/sample";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 1;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => "Median / (actual synapse count × mini-batch size)";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase)
    {
        var m = LayoutColumns.SamplesPerStep(benchmarkCase);
        var median = LayoutColumns.MedianNanoseconds(summary, benchmarkCase);
        long? synapses = null;
        foreach (var parameter in benchmarkCase.Parameters.Items)
        {
            if (parameter.Name == "Synapses" && parameter.Value is int nominal)
            {
                synapses = SynapseCount(NetworkSetup.SingleHiddenLayerWithSynapses(nominal));
            }
        }
        return m is null || median is not > 0 || synapses is null ? "?" : (median.Value / (synapses.Value * m.Value)).ToString("F4", System.Globalization.CultureInfo.InvariantCulture);
    }

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => GetValue(summary, benchmarkCase);

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    private static long SynapseCount(int[] sizes)
    {
        long count = 0;
        for (var i = 0; i + 1 < sizes.Length; i++)
        {
            count += (long)sizes[i] * sizes[i + 1];
        }
        return count;
    }
}
