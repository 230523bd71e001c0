using System.Globalization;
using System.Text;
using EcsNet.Baselines;

namespace EcsNet.Benchmarks.Layouts;

/// <summary>
/// Correctness guard for the reference layouts: a benchmark of a wrong implementation is worthless, so the
/// W1 setup runs this first and a future test can call it too.
/// </summary>
/// <remarks>
/// Tolerance: |actual − expected| ≤ 1e-4 · max(1, |expected|) per weight and bias (relative 1e-4, absolute
/// near 0, where a relative error is meaningless). float layouts sum in different orders (16-lane partial sums
/// + horizontal add vs. one running sum), which moves results by a few ulps per step; 1e-4 leaves ample room
/// for that yet catches any real algorithmic slip. Because η/m-scaled updates can be small next to N(0,1)
/// weights, the check uses Nielsen's η = 3 so the updates themselves are large enough to be compared.
/// </remarks>
public static class LayoutCheck
{
    /// <summary>The stated tolerance, relative with an absolute floor of the same size.</summary>
    public const double Tolerance = 1e-4;

    /// <summary>
    /// Second, sharper criterion on the first step: the update itself (new − initial) must match the
    /// reference's update to 1e-3 of the layer's largest update, so an update that is merely a little off
    /// cannot hide below <see cref="Tolerance"/> next to O(1) weights.
    /// </summary>
    public const double UpdateTolerance = 1e-3;

    private const float CheckEta = 3f;

    /// <summary>
    /// Builds the 784-100-10 dense and object-graph networks from one setup and compares them after 3 steps
    /// at m = 32 and at m = 1, checks the first step of each against <see cref="NaiveReferenceNetwork"/>
    /// (double precision) — weights and, separately, the updates themselves — checks the 2-thread dense network
    /// is bit-identical to the 1-thread one, checks a 37-150-33-5 network at m = 7 (every remainder path of the
    /// dense kernels, two hidden layers, 2 threads) and the 90%-pruned object graph against the naive reference.
    /// Throws <see cref="InvalidOperationException"/> on any mismatch; returns a one-line summary of the largest
    /// deviations. Takes well under a second.
    /// </summary>
    public static string Verify()
    {
        var report = new StringBuilder("LayoutCheck passed:");
        var setup = NetworkSetup.Create([784, 100, 10], seed: 1234);
        var data = TrainingData.Synthetic(3 * 32, 784, 10, seed: 4321);
        foreach (var m in new[] { 32, 1 })
        {
            using var dense = new DenseNetwork(setup, maxBatch: 32);
            using var dense2 = new DenseNetwork(setup, maxBatch: 32, threads: 2);
            var graph = new ObjectGraphNetwork(setup);
            var naive = new NaiveReferenceNetwork(setup);
            for (var step = 0; step < 3; step++)
            {
                var inputs = data.BatchInputs(step * m, m);
                var targets = data.BatchTargets(step * m, m);
                dense.TrainStep(inputs, targets, m, CheckEta);
                dense2.TrainStep(inputs, targets, m, CheckEta);
                graph.TrainStep(inputs, targets, m, CheckEta);
                if (step == 0)
                {
                    naive.TrainStep(inputs, targets, m, CheckEta);
                    for (var l = 0; l < setup.LayerCount; l++)
                    {
                        var where = $"m={m} step 1 layer {l}";
                        var denseError = Compare($"dense vs naive, {where}", dense.Weights(l), dense.Biases(l), naive.Weights(l), naive.Biases(l));
                        var graphError = Compare($"object graph vs naive, {where}", graph.Weights(l), graph.Biases(l), naive.Weights(l), naive.Biases(l));
                        CompareUpdate($"dense vs naive, {where}", setup.Weights[l], dense.Weights(l), naive.Weights(l));
                        CompareUpdate($"dense vs naive, {where}", setup.Biases[l], dense.Biases(l), naive.Biases(l));
                        CompareUpdate($"object graph vs naive, {where}", setup.Weights[l], graph.Weights(l), naive.Weights(l));
                        CompareUpdate($"object graph vs naive, {where}", setup.Biases[l], graph.Biases(l), naive.Biases(l));
                        report.Append(CultureInfo.InvariantCulture, $" dense/naive {where} {denseError:E1}; graph/naive {where} {graphError:E1};");
                    }
                }
            }
            for (var l = 0; l < setup.LayerCount; l++)
            {
                var where = $"m={m} step 3 layer {l}";
                var error = Compare(
                    $"dense vs object graph, {where}",
                    dense.Weights(l), dense.Biases(l), ToDouble(graph.Weights(l)), ToDouble(graph.Biases(l)));
                report.Append(CultureInfo.InvariantCulture, $" dense/graph {where} {error:E1};");
                if (!dense.Weights(l).AsSpan().SequenceEqual(dense2.Weights(l)) || !dense.Biases(l).AsSpan().SequenceEqual(dense2.Biases(l)))
                {
                    throw new InvalidOperationException($"Dense network on 2 threads differs from 1 thread ({where}).");
                }
            }
        }

        // Odd widths, two hidden layers and m = 7 walk every remainder tile of the dense kernels, which the
        // 784-100-10 shape barely touches (its hidden-delta pass has only 10 rows and one 64-column block).
        var odd = NetworkSetup.Create([37, 150, 33, 5], seed: 99);
        var oddData = TrainingData.Synthetic(7, 37, 5, seed: 98);
        using (var oddDense = new DenseNetwork(odd, maxBatch: 7, threads: 2))
        {
            var oddNaive = new NaiveReferenceNetwork(odd);
            oddDense.TrainStep(oddData.BatchInputs(0, 7), oddData.BatchTargets(0, 7), 7, CheckEta);
            oddNaive.TrainStep(oddData.BatchInputs(0, 7), oddData.BatchTargets(0, 7), 7, CheckEta);
            for (var l = 0; l < odd.LayerCount; l++)
            {
                var where = $"37-150-33-5 m=7 layer {l}";
                var error = Compare($"dense vs naive, {where}", oddDense.Weights(l), oddDense.Biases(l), oddNaive.Weights(l), oddNaive.Biases(l));
                CompareUpdate($"dense vs naive, {where}", odd.Weights[l], oddDense.Weights(l), oddNaive.Weights(l));
                CompareUpdate($"dense vs naive, {where}", odd.Biases[l], oddDense.Biases(l), oddNaive.Biases(l));
                report.Append(CultureInfo.InvariantCulture, $" dense/naive {where} {error:E1};");
            }
        }

        var pruned = NetworkSetup.Create([784, 100, 10], seed: 1234, keepFraction: 0.1);
        var prunedGraph = new ObjectGraphNetwork(pruned);
        var prunedNaive = new NaiveReferenceNetwork(pruned);
        prunedGraph.TrainStep(data.BatchInputs(0, 32), data.BatchTargets(0, 32), 32, CheckEta);
        prunedNaive.TrainStep(data.BatchInputs(0, 32), data.BatchTargets(0, 32), 32, CheckEta);
        for (var l = 0; l < pruned.LayerCount; l++)
        {
            var error = Compare(
                $"pruned object graph vs naive, layer {l}",
                prunedGraph.Weights(l), prunedGraph.Biases(l), prunedNaive.Weights(l), prunedNaive.Biases(l));
            report.Append(CultureInfo.InvariantCulture, $" pruned graph/naive layer {l} {error:E1};");
        }
        return report.ToString();
    }

    /// <summary>
    /// Compares one layer's weights and biases with the stated <see cref="Tolerance"/>; throws on mismatch,
    /// returns the largest scaled deviation |a − e| / max(1, |e|). Public so the EcsNet layout can be checked
    /// against <see cref="NaiveReferenceNetwork"/> the same way.
    /// </summary>
    public static double Compare(string what, float[] weights, float[] biases, double[] expectedWeights, double[] expectedBiases)
    {
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(biases);
        ArgumentNullException.ThrowIfNull(expectedWeights);
        ArgumentNullException.ThrowIfNull(expectedBiases);
        return Math.Max(CompareArray(what + " weights", weights, expectedWeights), CompareArray(what + " biases", biases, expectedBiases));
    }

    /// <summary>
    /// Checks <c>actual − initial</c> against <c>expected − initial</c> with <see cref="UpdateTolerance"/>
    /// relative to the largest expected update; throws on mismatch.
    /// </summary>
    public static void CompareUpdate(string what, float[] initial, float[] actual, double[] expected)
    {
        ArgumentNullException.ThrowIfNull(initial);
        ArgumentNullException.ThrowIfNull(actual);
        ArgumentNullException.ThrowIfNull(expected);
        var largest = 0.0;
        for (var i = 0; i < initial.Length; i++)
        {
            largest = Math.Max(largest, Math.Abs(expected[i] - initial[i]));
        }
        for (var i = 0; i < initial.Length; i++)
        {
            var error = Math.Abs((actual[i] - (double)initial[i]) - (expected[i] - initial[i]));
            if (!(error <= UpdateTolerance * largest))
            {
                throw new InvalidOperationException(
                    $"{what}: update of element {i} is {actual[i] - initial[i]:E3}, expected {expected[i] - initial[i]:E3} (largest update {largest:E2}).");
            }
        }
    }

    private static double CompareArray(string what, float[] actual, double[] expected)
    {
        if (actual.Length != expected.Length)
        {
            throw new InvalidOperationException($"{what}: length {actual.Length} vs {expected.Length}.");
        }
        var worst = 0.0;
        for (var i = 0; i < actual.Length; i++)
        {
            var error = Math.Abs(actual[i] - expected[i]) / Math.Max(1.0, Math.Abs(expected[i]));
            if (!(error <= Tolerance)) // Also catches NaN.
            {
                throw new InvalidOperationException(
                    $"{what}: element {i} is {actual[i]:R}, expected {expected[i]:R} (scaled error {error:E2} > {Tolerance:E0}).");
            }
            worst = Math.Max(worst, error);
        }
        return worst;
    }

    private static double[] ToDouble(float[] values) => Array.ConvertAll(values, v => (double)v);
}
