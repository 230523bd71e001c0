namespace EcsNet.Baselines.Tests;

/// <summary>
/// The dense and object-graph references against the ECS library and against <see cref="NaiveReferenceNetwork"/>
/// (Nielsen's algorithm as plain loops in double precision): built from one <see cref="NetworkSetup"/> and trained on the
/// same batches, all of them hold the same weights and biases after 3 steps, to relative 1e-4.
/// </summary>
public class LayoutAgreementTests
{
    /// <summary>The first step's update itself, against the naive one, relative to the largest update.</summary>
    private const double UpdateTolerance = 1e-3;

    [Theory]
    [InlineData(1)]
    [InlineData(32)]
    public void DenseAndObjectGraphAgreeWithTheEcsNetworkAndTheDoublePrecisionComputation(int m)
    {
        var setup = NetworkSetup.Create([784, 100, 10], seed: 1234);
        var data = TrainingData.Synthetic(3 * m, 784, 10, seed: 4321);
        using var ecs = setup.BuildNetwork();
        using var dense = new DenseNetwork(setup, maxBatch: m);
        var graph = new ObjectGraphNetwork(setup);
        var naive = new NaiveReferenceNetwork(setup);

        // Step 1: next to O(1) weights an update that is merely a little off would hide below 1e-4, so the update
        // itself is compared too.
        Layouts.Train(data, m, steps: 1, ecs, dense, graph, naive);
        for (var l = 0; l < setup.LayerCount; l++)
        {
            foreach (var (weights, biases) in Parameters(ecs, dense, graph, setup, l))
            {
                Assert.InRange(Layouts.WorstUpdateError(setup.Weights[l], weights, naive.Weights(l)), 0, UpdateTolerance);
                Assert.InRange(Layouts.WorstUpdateError(setup.Biases[l], biases, naive.Biases(l)), 0, UpdateTolerance);
            }
        }

        var rest = new TrainingData(data.Inputs[(m * 784)..], data.Targets[(m * 10)..], 784, 10);
        Layouts.Train(rest, m, steps: 2, ecs, dense, graph, naive);

        Assert.Equal(setup.SynapseCount, ecs.SynapseCount);
        Assert.Equal(setup.SynapseCount, graph.SynapseCount);
        for (var l = 0; l < setup.LayerCount; l++)
        {
            var ecsWeights = Layouts.Weights(ecs, setup, l);
            var ecsBiases = Layouts.Biases(ecs, setup, l);
            foreach (var (weights, biases) in Parameters(ecs, dense, graph, setup, l))
            {
                Assert.InRange(Layouts.WorstError(weights, ecsWeights), 0, Layouts.Tolerance);
                Assert.InRange(Layouts.WorstError(biases, ecsBiases), 0, Layouts.Tolerance);
                Assert.InRange(Layouts.WorstError(weights, naive.Weights(l)), 0, Layouts.Tolerance);
                Assert.InRange(Layouts.WorstError(biases, naive.Biases(l)), 0, Layouts.Tolerance);
            }

            // Three steps at η = 3 must have moved the weights: agreement of untouched copies would prove nothing.
            Assert.True(Layouts.WorstError(Layouts.Widen(setup.Weights[l]), ecsWeights) > 100 * Layouts.Tolerance);
        }
    }

    [Fact]
    public void PrunedSetupsGiveTheSameSparseNetworkInEveryLayout()
    {
        // 90% pruned: the ECS network gets explicit synapses, the object graph omits the pruned ones, and the naive
        // reference (the dense layout ignores the mask) keeps them at exactly 0.
        var setup = NetworkSetup.Create([784, 100, 10], seed: 1234, keepFraction: 0.1);
        var data = TrainingData.Synthetic(3 * 32, 784, 10, seed: 4321);
        using var ecs = setup.BuildNetwork();
        var graph = new ObjectGraphNetwork(setup);
        var naive = new NaiveReferenceNetwork(setup);

        Layouts.Train(data, m: 32, steps: 3, ecs, graph: graph, naive: naive);

        Assert.Equal(setup.SynapseCount, ecs.SynapseCount);
        Assert.Equal(setup.SynapseCount, graph.SynapseCount);
        for (var l = 0; l < setup.LayerCount; l++)
        {
            Assert.InRange(Layouts.WorstError(Layouts.Weights(ecs, setup, l), naive.Weights(l)), 0, Layouts.Tolerance);
            Assert.InRange(Layouts.WorstError(Layouts.Biases(ecs, setup, l), naive.Biases(l)), 0, Layouts.Tolerance);
            Assert.InRange(Layouts.WorstError(Layouts.Widen(graph.Weights(l)), naive.Weights(l)), 0, Layouts.Tolerance);
            Assert.InRange(Layouts.WorstError(Layouts.Widen(graph.Biases(l)), naive.Biases(l)), 0, Layouts.Tolerance);
        }
    }

    private static IEnumerable<(double[] Weights, double[] Biases)> Parameters(
        Network ecs, DenseNetwork dense, ObjectGraphNetwork graph, NetworkSetup setup, int l)
    {
        yield return (Layouts.Weights(ecs, setup, l), Layouts.Biases(ecs, setup, l));
        yield return (Layouts.Widen(dense.Weights(l)), Layouts.Widen(dense.Biases(l)));
        yield return (Layouts.Widen(graph.Weights(l)), Layouts.Widen(graph.Biases(l)));
    }
}
