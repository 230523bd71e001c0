using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;

namespace EcsNet.Benchmarks.Sparse;

/// <summary>Median and Min beside the Mean, the speed-up over the unpruned step and the cost per live synapse.</summary>
public class PrunedStepConfig : ManualConfig
{
    public PrunedStepConfig() => AddColumn(StatisticColumn.Median, StatisticColumn.Min, new SpeedUpColumn(), new NsPerLiveSynapseColumn());
}
