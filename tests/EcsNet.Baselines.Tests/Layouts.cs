namespace EcsNet.Baselines.Tests;

/// <summary>
/// Reads every layout's parameters as the same dense <c>[j * sources + k]</c> arrays, and measures how far two such
/// arrays are apart, so the tests can compare any layout with any other.
/// </summary>
internal static class Layouts
{
    /// <summary>Nielsen's η: the updates are large enough next to N(0,1) weights for a wrong one to show.</summary>
    public const float Eta = 3f;

    /// <summary>Relative 1e-4 with an absolute floor of the same size: layouts sum in different orders, a few ulps per step.</summary>
    public const double Tolerance = 1e-4;

    /// <summary>The ECS network's weight layer <paramref name="layer"/> (0 where no synapse exists).</summary>
    public static double[] Weights(Network network, NetworkSetup setup, int layer)
    {
        var sources = setup.Sizes[layer];
        var result = new double[setup.Sizes[layer + 1] * sources];
        foreach (var s in network.Synapses().Where(s => s.FromLayer == layer))
        {
            result[(s.ToIndex * sources) + s.FromIndex] = s.Weight;
        }

        return result;
    }

    /// <summary>The ECS network's biases of the neurons of layer <paramref name="layer"/> + 1.</summary>
    public static double[] Biases(Network network, NetworkSetup setup, int layer) =>
        Enumerable.Range(0, setup.Sizes[layer + 1]).Select(j => (double)network.GetBias(layer + 1, j)).ToArray();

    public static double[] Widen(float[] values) => Array.ConvertAll(values, v => (double)v);

    /// <summary>The largest |actual − expected| / max(1, |expected|); NaN when any element is NaN.</summary>
    public static double WorstError(double[] actual, double[] expected)
    {
        Assert.Equal(expected.Length, actual.Length);
        var worst = 0.0;
        for (var i = 0; i < actual.Length; i++)
        {
            var error = Math.Abs(actual[i] - expected[i]) / Math.Max(1.0, Math.Abs(expected[i]));
            worst = double.IsNaN(error) ? double.NaN : Math.Max(worst, error);
        }

        return worst;
    }

    /// <summary>
    /// The largest error of the update itself, (actual − initial) against (expected − initial), relative to the largest
    /// expected update: next to O(1) weights an update that is merely a little off would hide below <see cref="Tolerance"/>.
    /// </summary>
    public static double WorstUpdateError(float[] initial, double[] actual, double[] expected)
    {
        var largest = initial.Select((w, i) => Math.Abs(expected[i] - w)).Max();
        Assert.True(largest > 0, "the step changed nothing");
        return initial.Select((w, i) => Math.Abs((actual[i] - w) - (expected[i] - w)) / largest).Max();
    }

    /// <summary>
    /// Steps every given layout <paramref name="steps"/> times on consecutive mini-batches of m samples, all on the same
    /// batches: the ECS network through the library's API, the references through their <c>TrainStep</c>.
    /// </summary>
    public static void Train(
        TrainingData data, int m, int steps, Network? ecs = null, DenseNetwork? dense = null, ObjectGraphNetwork? graph = null,
        NaiveReferenceNetwork? naive = null)
    {
        for (var step = 0; step < steps; step++)
        {
            var inputs = data.BatchInputs(step * m, m);
            var targets = data.BatchTargets(step * m, m);
            if (ecs is not null)
            {
                ecs.LoadBatch(inputs, targets, m);
                ecs.TrainStep(EcsNet.Training.Optimizer.Sgd, Eta);
            }

            dense?.TrainStep(inputs, targets, m, Eta);
            graph?.TrainStep(inputs, targets, m, Eta);
            naive?.TrainStep(inputs, targets, m, Eta);
        }
    }
}
