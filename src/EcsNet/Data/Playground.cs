namespace EcsNet.Data;

/// <summary>
/// The two-dimensional classification sets of TensorFlow Playground (circle, xor, gauss, spiral), generated with
/// the Playground's own formulas in its coordinates: two inputs x₁, x₂ in [−6, 6] (the Playground's view; the rare
/// Gaussian point beyond it is clamped), one output 1 for the positive class and 0 for the negative one (the
/// Playground's +1/−1), <see cref="DataSet.Labels"/> 0/1 and <see cref="DataSet.ClassNames"/> ["negative", "positive"].
/// </summary>
/// <remarks>
/// The noise argument is the Playground's noise fraction: its slider's 0–50 is 0–0.5 here. Half the samples
/// (rounded down) are generated as positive and the rest as negative, as in the Playground, then shuffled with the
/// seed; noise can move a point across the class boundary (circle, xor), in which case it is labelled by where it lies.
/// </remarks>
public static class Playground
{
    /// <summary>The accepted kinds: circle, xor (alias xor2d), gauss (alias gaussian), spiral.</summary>
    public static IReadOnlyList<string> Kinds { get; } = ["circle", "xor", "gauss", "spiral"];

    private const double Limit = 6;

    /// <summary>Generates <paramref name="count"/> samples of the given kind.</summary>
    /// <param name="kind">circle | xor (xor2d) | gauss (gaussian) | spiral, case-insensitive.</param>
    /// <param name="count">Number of samples, at least 2.</param>
    /// <param name="noise">Noise fraction in [0, 1] (the Playground offers 0–0.5).</param>
    /// <param name="seed">Random seed; the same arguments always give the same data.</param>
    /// <exception cref="ArgumentException">Unknown kind (the message lists the valid ones) or an argument out of range.</exception>
    public static DataSet Generate(string kind, int count, double noise, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 2);
        if (!(noise >= 0 && noise <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(noise), noise, "noise must be in [0, 1] (the Playground's slider 0–50 is 0–0.5).");
        }
        var random = new Random(seed);
        var points = new List<(double X, double Y, bool Positive)>(count);
        string canonical = kind?.ToLowerInvariant() switch
        {
            "circle" => Circle(points, count, noise, random),
            "xor" or "xor2d" => Xor(points, count, noise, random),
            "gauss" or "gaussian" => Gauss(points, count, noise, random),
            "spiral" => Spiral(points, count, noise, random),
            _ => throw new ArgumentException($"Unknown playground kind '{kind}'; valid: circle, xor (xor2d), gauss (gaussian), spiral.", nameof(kind)),
        };

        // Shuffle so that a prefix (Take, or a split without shuffling) holds both classes.
        for (int i = points.Count - 1; i > 0; i--)
        {
            int j = random.Next(i + 1);
            (points[i], points[j]) = (points[j], points[i]);
        }
        var inputs = new float[2 * count];
        var targets = new float[count];
        var labels = new int[count];
        for (int i = 0; i < count; i++)
        {
            inputs[2 * i] = (float)Math.Clamp(points[i].X, -Limit, Limit);
            inputs[2 * i + 1] = (float)Math.Clamp(points[i].Y, -Limit, Limit);
            labels[i] = points[i].Positive ? 1 : 0;
            targets[i] = labels[i];
        }
        return new DataSet($"{canonical}-{count}", inputs, targets, 2, 1, labels, ["negative", "positive"]);
    }

    /// <summary>
    /// The Playground's regression set "plane": points uniform in [−6, 6]², target t = (x₁ + x₂)/12 ∈ [−1, 1] plus
    /// Gaussian noise of standard deviation <paramref name="noise"/>, clamped to [−1, 1]; no labels.
    /// </summary>
    /// <exception cref="ArgumentException">An argument is out of range.</exception>
    public static DataSet Plane(int count, double noise, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 2);
        if (!(noise >= 0 && noise <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(noise), noise, "noise must be in [0, 1] (the Playground's slider 0–50 is 0–0.5).");
        }

        var random = new Random(seed);
        var inputs = new float[2 * count];
        var targets = new float[count];
        for (var i = 0; i < count; i++)
        {
            var x = Uniform(random, -Limit, Limit);
            var y = Uniform(random, -Limit, Limit);
            inputs[2 * i] = (float)x;
            inputs[2 * i + 1] = (float)y;
            targets[i] = (float)Math.Clamp((x + y) / (2 * Limit) + noise * Normal(random), -1, 1);
        }

        return new DataSet($"plane-{count}", inputs, targets, 2, 1);
    }

    private static double Uniform(Random r, double a, double b) => a + (b - a) * r.NextDouble();

    /// <summary>Standard normal by the Marsaglia polar method, as the Playground's normalRandom.</summary>
    private static double Normal(Random r)
    {
        double v1, v2, s;
        do
        {
            v1 = 2 * r.NextDouble() - 1;
            v2 = 2 * r.NextDouble() - 1;
            s = v1 * v1 + v2 * v2;
        }
        while (s >= 1 || s == 0);
        return v1 * Math.Sqrt(-2 * Math.Log(s) / s);
    }

    private static string Circle(List<(double, double, bool)> points, int count, double noise, Random r)
    {
        const double radius = 5;
        int positives = count / 2;
        for (int i = 0; i < count; i++)
        {
            // Positives inside radius/2, negatives in the ring [0.7, 1] × radius; labelled by the noisy position.
            double rho = i < positives ? Uniform(r, 0, radius * 0.5) : Uniform(r, radius * 0.7, radius);
            double angle = Uniform(r, 0, 2 * Math.PI);
            double x = rho * Math.Sin(angle), y = rho * Math.Cos(angle);
            double nx = Uniform(r, -radius, radius) * noise, ny = Uniform(r, -radius, radius) * noise;
            bool positive = Math.Sqrt((x + nx) * (x + nx) + (y + ny) * (y + ny)) < radius * 0.5;
            points.Add((x, y, positive));
        }
        return "circle";
    }

    private static string Xor(List<(double, double, bool)> points, int count, double noise, Random r)
    {
        const double padding = 0.3;
        for (int i = 0; i < count; i++)
        {
            double x = Uniform(r, -5, 5);
            x += x > 0 ? padding : -padding;
            double y = Uniform(r, -5, 5);
            y += y > 0 ? padding : -padding;
            double nx = Uniform(r, -5, 5) * noise, ny = Uniform(r, -5, 5) * noise;
            points.Add((x, y, (x + nx) * (y + ny) >= 0));
        }
        return "xor";
    }

    private static string Gauss(List<(double, double, bool)> points, int count, double noise, Random r)
    {
        // The Playground maps noise 0..0.5 linearly to variance 0.5..4.
        double variance = 0.5 + noise * (4 - 0.5) / 0.5;
        double sd = Math.Sqrt(variance);
        int positives = count / 2;
        for (int i = 0; i < count; i++)
        {
            bool positive = i < positives;
            double centre = positive ? 2 : -2;
            points.Add((centre + sd * Normal(r), centre + sd * Normal(r), positive));
        }
        return "gauss";
    }

    private static string Spiral(List<(double, double, bool)> points, int count, double noise, Random r)
    {
        int positives = count / 2;
        AddArm(points, positives, 0, true, noise, r);
        AddArm(points, count - positives, Math.PI, false, noise, r);
        return "spiral";
    }

    private static void AddArm(List<(double, double, bool)> points, int n, double deltaT, bool positive, double noise, Random r)
    {
        for (int i = 0; i < n; i++)
        {
            double rho = (double)i / n * 5;
            double t = 1.75 * i / n * 2 * Math.PI + deltaT;
            double x = rho * Math.Sin(t) + Uniform(r, -1, 1) * noise;
            double y = rho * Math.Cos(t) + Uniform(r, -1, 1) * noise;
            points.Add((x, y, positive));
        }
    }
}
