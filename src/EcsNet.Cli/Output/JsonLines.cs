using System.Text.Json;
using System.Text.Json.Serialization;

namespace EcsNet.Cli.Output;

/// <summary>Writes one compact JSON object per line (snake_case names; NaN/∞ as strings rather than failing).</summary>
internal sealed class JsonLines(TextWriter writer)
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Serialises <paramref name="value"/> (an anonymous object or dictionary) on one line.</summary>
    public void Write(object value)
    {
        writer.WriteLine(JsonSerializer.Serialize(value, value.GetType(), Options));
        writer.Flush();
    }

    /// <summary>Serialises <paramref name="value"/> indented (for documents such as trace's).</summary>
    public static string Indented(object value)
        => JsonSerializer.Serialize(value, value.GetType(), new JsonSerializerOptions(Options) { WriteIndented = true });
}
