using System.Globalization;

namespace EcsNet.Cli.Output;

/// <summary>Number formats shared by the commands (invariant culture, so output is the same everywhere).</summary>
internal static class Fmt
{
    /// <summary>0.9123 → "91.23%".</summary>
    public static string Percent(double fraction) => (fraction * 100).ToString("F2", CultureInfo.InvariantCulture) + "%";

    /// <summary>The shortest text that reads back as the same float: 0.05, not 0.050000001.</summary>
    public static string Number(float value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A float-precision figure such as a cost, in its shortest float form.</summary>
    public static string Number(double value) => ((float)value).ToString(CultureInfo.InvariantCulture);

    /// <summary>(v₁, v₂, …) in shortest form.</summary>
    public static string Vector(IEnumerable<float> values) => "(" + string.Join(", ", values.Select(Number)) + ")";
}
