using EcsNet.Cli.Options;
using EcsNet.Data;
using EcsNet.Training;
using Xunit.Abstractions;

namespace EcsNet.Cli.Tests;

/// <summary>The memory estimate is checked against the managed heap's real growth when a network is built and used.</summary>
[Collection(AloneCollection.Name)]
public sealed class MemoryBudgetTests(ITestOutputHelper log)
{
    [Theory]
    [InlineData(new[] { 2, 400, 400, 1 }, 10)]
    [InlineData(new[] { 784, 100, 10 }, 32)]
    [InlineData(new[] { 4, 3000, 3 }, 1)]
    public void TheEstimateIsCloseToWhatANetworkReallyTakes(int[] sizes, int batch)
    {
        var before = GC.GetTotalMemory(forceFullCollection: true);
        using var network = NetworkBuilder.FullyConnected(sizes, [.. Enumerable.Repeat(ActivationFunctions.ActivationFunction.Sigmoid, sizes.Length - 1)], Initializer.Gaussian, 1);
        var data = new DataSet("ones", new float[Evaluator.BatchSize * sizes[0]], new float[Evaluator.BatchSize * sizes[^1]], sizes[0], sizes[^1]);
        new Trainer(new TrainingOptions { Epochs = 1, BatchSize = batch }).Train(network, data.Take(batch * 2));
        Evaluator.Evaluate(network, data);
        var measured = GC.GetTotalMemory(forceFullCollection: true) - before;
        GC.KeepAlive(network);

        var estimate = MemoryBudget.Estimate(sizes, batch);

        log.WriteLine($"{string.Join('-', sizes)}: estimate {estimate:N0} bytes, measured {measured:N0} bytes, ratio {(double)estimate / measured:F2}");
        // A refusal must not come from a gross overestimate, and a network let through must not need much more.
        Assert.InRange((double)estimate / measured, 0.8, 2.0);
    }
}
