using System.Text.Json;
using System.Text.Json.Serialization;

namespace EcsNet.Cli.Output;

/// <summary>
/// Writes one compact JSON object per line: <c>"type"</c> first, then snake_case names; NaN/∞ as strings rather than
/// failing. The schema is in docs/cli/json.md.
/// </summary>
internal sealed class JsonLines(TextWriter writer)
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Writes <paramref name="value"/> (an anonymous object) as one line whose first property is <c>"type": <paramref name="type"/></c>.</summary>
    public void Write(string type, object value)
    {
        var body = JsonSerializer.SerializeToElement(value, value.GetType(), Options);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = Options.Encoder }))
        {
            json.WriteStartObject();
            json.WriteString("type", type);
            foreach (var property in body.EnumerateObject())
            {
                property.WriteTo(json);
            }

            json.WriteEndObject();
        }

        writer.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
        writer.Flush();
    }

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
