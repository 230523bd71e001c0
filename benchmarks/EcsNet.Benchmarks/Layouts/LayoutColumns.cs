using System.Globalization;
using System.Reflection;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace EcsNet.Benchmarks.Layouts;

/// <summary>Helpers shared by the derived columns: the samples per step and the measured median.</summary>
internal static class LayoutColumns
{
    /// <summary>The <c>Batch</c> parameter if the workload has one, else its <see cref="SamplesPerStepAttribute"/>.</summary>
    public static int? SamplesPerStep(BenchmarkCase benchmarkCase)
    {
        foreach (var parameter in benchmarkCase.Parameters.Items)
        {
            if (parameter.Name == "Batch" && parameter.Value is int batch)
            {
                return batch;
            }
        }
        return benchmarkCase.Descriptor.Type.GetCustomAttribute<SamplesPerStepAttribute>()?.Samples;
    }

    /// <summary>
    /// Median time per invocation in nanoseconds, if the case ran. The median, not the mean: the targets in
    /// benchmarks/README.md are medians, and it is robust against the odd iteration disturbed by another process.
    /// </summary>
    public static double? MedianNanoseconds(Summary summary, BenchmarkCase benchmarkCase) =>
        summary[benchmarkCase]?.ResultStatistics?.Median;

    public static string Format(double value) => value.ToString(value >= 100 ? "N0" : "G3", CultureInfo.InvariantCulture);
}
