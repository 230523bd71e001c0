namespace EcsNet.Benchmarks.Layouts;

/// <summary>Config of the W5 scaling workload: samples/s plus ns per synapse per sample.</summary>
public sealed class ScalingConfig : LayoutConfig
{
    public ScalingConfig() => AddColumn(new NsPerSynapseSampleColumn());
}
