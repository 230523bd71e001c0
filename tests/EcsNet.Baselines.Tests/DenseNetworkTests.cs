namespace EcsNet.Baselines.Tests;

/// <summary>
/// The dense reference on the library's worker pool: bit-identical for any thread count, every remainder tile right,
/// and disposable twice.
/// </summary>
public class DenseNetworkTests
{
    [Theory]
    [InlineData(32)]
    [InlineData(1)]
    public void TwoThreadsGiveBitIdenticalParametersToOne(int m)
    {
        // 300-200-40-10 splits into chunks of every phase (rows, columns, samples) on both threads.
        var setup = NetworkSetup.Create([300, 200, 40, 10], seed: 5);
        var data = TrainingData.Synthetic(3 * m, 300, 10, seed: 6);
        using var one = new DenseNetwork(setup, maxBatch: m);
        using var two = new DenseNetwork(setup, maxBatch: m, threads: 2);

        Layouts.Train(data, m, steps: 3, dense: one);
        Layouts.Train(data, m, steps: 3, dense: two);

        for (var l = 0; l < setup.LayerCount; l++)
        {
            Assert.Equal(one.Weights(l), two.Weights(l));
            Assert.Equal(one.Biases(l), two.Biases(l));
        }
    }

    [Fact]
    public void RemainderTilesOnTwoThreadsAgreeWithTheDoublePrecisionComputation()
    {
        // Odd widths, two hidden layers and m = 7 walk every remainder tile of the dense kernels, which 784-100-10
        // barely touches, and 2 threads run them through the library's worker pool.
        var setup = NetworkSetup.Create([37, 150, 33, 5], seed: 99);
        var data = TrainingData.Synthetic(7, 37, 5, seed: 98);
        using var dense = new DenseNetwork(setup, maxBatch: 7, threads: 2);
        var naive = new NaiveReferenceNetwork(setup);

        Layouts.Train(data, m: 7, steps: 1, dense: dense, naive: naive);

        for (var l = 0; l < setup.LayerCount; l++)
        {
            Assert.InRange(Layouts.WorstError(Layouts.Widen(dense.Weights(l)), naive.Weights(l)), 0, Layouts.Tolerance);
            Assert.InRange(Layouts.WorstError(Layouts.Widen(dense.Biases(l)), naive.Biases(l)), 0, Layouts.Tolerance);
            Assert.InRange(Layouts.WorstUpdateError(setup.Weights[l], Layouts.Widen(dense.Weights(l)), naive.Weights(l)), 0, 1e-3);
        }
    }

    [Fact]
    public void DisposeTwiceIsHarmless()
    {
        var dense = new DenseNetwork(NetworkSetup.Create([4, 3, 2], seed: 1), maxBatch: 2, threads: 2);
        dense.Dispose();
        dense.Dispose();
    }
}
