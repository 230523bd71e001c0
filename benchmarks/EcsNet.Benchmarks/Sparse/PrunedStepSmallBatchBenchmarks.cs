using BenchmarkDotNet.Attributes;

namespace EcsNet.Benchmarks.Sparse;

/// <summary>784-100-10 at m = 1 and m = 10, random pruning (magnitude pruning costs the same per live synapse at m = 32).</summary>
public class PrunedStepSmallBatchBenchmarks : PrunedStepBenchmarks
{
    /// <inheritdoc />
    [Params("784-100-10")]
    public override string Shape { get; set; } = "784-100-10";

    /// <inheritdoc />
    [Params("none", "50% random", "90% random", "99% random")]
    public override string Pruned { get; set; } = "none";

    /// <inheritdoc />
    [Params(1, 10)]
    public override int Batch { get; set; } = 1;
}
