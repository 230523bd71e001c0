using EcsNet.ActivationFunctions;
using EcsNet.Systems;

namespace EcsNet.Examples.OjaRule;

/// <summary>What <see cref="OjaRuleExample.Run"/> leaves.</summary>
/// <param name="Weights">The learnt (w_0, w_1).</param>
/// <param name="Samples">The data, sample-major: (x_0, x_1) per sample.</param>
public sealed record OjaRuleRun(float[] Weights, float[] Samples);

/// <summary>One linear unit learns the first principal component of 2-D Gaussian data by Oja's rule.</summary>
public static class OjaRuleExample
{
    /// <summary>The 2-1 linear unit with zero bias (nothing updates it) and small random weights.</summary>
    public static Network Build(long seed = 1)
    {
        var random = new SeededRandom(seed);
        var w = new[] { (float)(0.5 * random.NextGaussian()), (float)(0.5 * random.NextGaussian()) };
        return new NetworkBuilder().Input(2).Dense(1, ActivationFunction.Linear).Weights(1, [w]).Biases(1, [0f]).Build();
    }

    /// <summary>
    /// <paramref name="n"/> samples of a zero-mean Gaussian with covariance [[sxx, sxy], [sxy, syy]], sample-major,
    /// drawn as L·u with L the Cholesky factor and u standard normal.
    /// </summary>
    public static float[] Gaussian(int n, double sxx, double sxy, double syy, long seed)
    {
        var l00 = Math.Sqrt(sxx);
        var l10 = sxy / l00;
        var l11 = Math.Sqrt(syy - l10 * l10);
        if (!double.IsFinite(l11))
        {
            throw new ArgumentException($"[[{sxx}, {sxy}], [{sxy}, {syy}]] is not a positive definite covariance");
        }

        var random = new SeededRandom(seed);
        var samples = new float[2 * n];
        for (var i = 0; i < n; i++)
        {
            var (u0, u1) = (random.NextGaussian(), random.NextGaussian());
            samples[2 * i] = (float)(l00 * u0);
            samples[2 * i + 1] = (float)(l10 * u0 + l11 * u1);
        }

        return samples;
    }

    /// <summary>
    /// Feeds <paramref name="n"/> samples forward in mini-batches of 10 for <paramref name="epochs"/> epochs, with η
    /// halved every 5 epochs; the rule learns on every pass. Prints w and its angle to the axis every 5 epochs.
    /// </summary>
    public static OjaRuleRun Run(double sxx = 3, double sxy = 1.5, double syy = 1.5, int n = 2000, int epochs = 20, long seed = 1, TextWriter? log = null)
    {
        log ??= TextWriter.Null;
        const int m = 10;
        var samples = Gaussian(n, sxx, sxy, syy, seed);
        using var net = Build(seed);
        var unit = net.NeuronEntity(1, 0);
        var oja = new OjaRuleSystem(unit, learningRate: 0.02f);
        net.Systems.Add(StepPhase.AfterFeedforward, oja);
        log.WriteLine($"Oja's rule on y = w·x, {n} samples of N(0, [[{sxx}, {sxy}], [{sxy}, {syy}]]); w starts at {Format(Weights(net))}");
        for (var epoch = 1; epoch <= epochs; epoch++)
        {
            for (var start = 0; start + m <= n; start += m)
            {
                net.LoadBatch(samples.AsSpan(2 * start, 2 * m), [], m);
                net.Forward();
            }

            if (epoch % 5 == 0)
            {
                var w = Weights(net);
                log.WriteLine($"epoch {epoch,2}  η {oja.LearningRate:G3}  w {Format(w)}  ‖w‖ {Math.Sqrt(w[0] * w[0] + w[1] * w[1]):F4}");
                oja.LearningRate /= 2;
            }
        }

        // Taken out, the unit is an ordinary linear neuron again: it projects onto the component it found.
        net.Systems.Remove(oja);
        var learnt = Weights(net);

        // w and −w are the same axis: compare directions modulo 180°.
        var found = Math.Atan2(learnt[1], learnt[0]) * 180 / Math.PI;
        found = found < 0 ? found + 180 : found;
        var principal = 0.5 * Math.Atan2(2 * sxy, sxx - syy) * 180 / Math.PI;
        log.WriteLine($"w points along {found:F2}°; the covariance's principal axis ½·atan2(2 sxy, sxx − syy) is at {principal:F2}°");
        return new OjaRuleRun(learnt, samples);
    }

    private static float[] Weights(Network net)
    {
        var w = new float[2];
        foreach (var s in net.Synapses())
        {
            w[s.FromIndex] = s.Weight;
        }

        return w;
    }

    private static string Format(float[] w) => $"({w[0]:F4}, {w[1]:F4})";
}
