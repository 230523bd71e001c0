using BenchmarkDotNet.Attributes;

namespace EcsNet.Benchmarks.Sparse;

/// <summary>Both networks at m = 32, every pruning level, at random and by magnitude.</summary>
public class PrunedStepAtBatch32Benchmarks : PrunedStepBenchmarks
{
    /// <inheritdoc />
    [Params("784-100-10", "784-300-100-10")]
    public override string Shape { get; set; } = "784-100-10";

    /// <inheritdoc />
    [Params("none", "50% random", "50% magnitude", "90% random", "90% magnitude", "95% random", "95% magnitude", "99% random", "99% magnitude")]
    public override string Pruned { get; set; } = "none";

    /// <inheritdoc />
    [Params(32)]
    public override int Batch { get; set; } = 32;
}
