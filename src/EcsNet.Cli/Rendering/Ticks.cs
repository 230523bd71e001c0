namespace EcsNet.Cli.Rendering;

/// <summary>Round axis ticks: steps of 1, 2 or 5 times a power of ten, as plotting libraries choose them.</summary>
internal static class Ticks
{
    /// <summary>A round step giving at most <paramref name="most"/> intervals over <paramref name="span"/>.</summary>
    public static double Step(double span, int most)
    {
        if (!(span > 0) || !double.IsFinite(span))
        {
            return 1;
        }

        var raw = span / most;
        var power = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        foreach (var m in new[] { 1.0, 2.0, 5.0, 10.0 })
        {
            if (m * power >= raw * (1 - 1e-9))
            {
                return m * power;
            }
        }

        return 10 * power;
    }

    /// <summary>The multiples of <paramref name="step"/> in [<paramref name="lo"/>, <paramref name="hi"/>], rounded so they print exactly.</summary>
    public static double[] Between(double lo, double hi, double step)
    {
        var first = Math.Ceiling(lo / step - 1e-9);
        var last = Math.Floor(hi / step + 1e-9);
        var digits = Math.Max(0, (int)-Math.Floor(Math.Log10(step)));
        return [.. Enumerable.Range(0, (int)Math.Max(0, last - first + 1)).Select(k => Math.Round((first + k) * step, Math.Min(15, digits)))];
    }
}
