using System.Globalization;

namespace EcsNet.Cli.Output;

/// <summary>Number formats shared by the commands (invariant culture, so output is the same everywhere).</summary>
internal static class Fmt
{
    /// <summary>0.9123 → "91.23%".</summary>
    public static string Percent(double fraction) => (fraction * 100).ToString("F2", CultureInfo.InvariantCulture) + "%";

    /// <summary>
    /// A cost or error: four decimals, or scientific notation when that would hide the value (1.234e-05, not 0.0000).
    /// </summary>
    public static string Number(double value)
    {
        var magnitude = Math.Abs(value);
        return value == 0 || !double.IsFinite(value) || (magnitude >= 1e-3 && magnitude < 1e6)
            ? value.ToString("F4", CultureInfo.InvariantCulture)
            : value.ToString("0.000e+00", CultureInfo.InvariantCulture);
    }

    /// <summary>"1 epoch", "2 epochs".</summary>
    public static string Count(long count, string singular, string? plural = null)
        => string.Create(CultureInfo.InvariantCulture, $"{count:N0} {(count == 1 ? singular : plural ?? singular + "s")}");

    /// <summary>A duration as "0:42" or "1:02:03".</summary>
    public static string Duration(double seconds)
    {
        if (!double.IsFinite(seconds) || seconds < 0)
        {
            return "?";
        }

        var t = TimeSpan.FromSeconds(Math.Round(seconds));
        return t.TotalHours >= 1
            ? string.Create(CultureInfo.InvariantCulture, $"{(int)t.TotalHours}:{t.Minutes:00}:{t.Seconds:00}")
            : string.Create(CultureInfo.InvariantCulture, $"{t.Minutes}:{t.Seconds:00}");
    }

    /// <summary>The shortest text that reads back as the same float: 0.05, not 0.050000001.</summary>
    public static string Short(float value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A float-precision figure such as a cost, in its shortest float form.</summary>
    public static string Short(double value) => ((float)value).ToString(CultureInfo.InvariantCulture);

    /// <summary>(v₁, v₂, …) in shortest form.</summary>
    public static string Vector(IEnumerable<float> values) => "(" + string.Join(", ", values.Select(Short)) + ")";
}
