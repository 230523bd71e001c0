using System.Globalization;

namespace EcsNet.Cli.Output;

/// <summary>Number formats shared by the commands (invariant culture, so output is the same everywhere).</summary>
internal static class Fmt
{
    /// <summary>0.9123 → "91.23%".</summary>
    public static string Percent(double fraction) => (fraction * 100).ToString("F2", CultureInfo.InvariantCulture) + "%";
}
