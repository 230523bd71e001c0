using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace EcsNet.Persistence;

/// <summary>
/// Turns <c>ecsnet-model/1</c> JSON into a <see cref="ModelSpec"/>, checking JSON types field by field
/// (the semantic rules are in <see cref="ModelValidator"/>). Unknown and duplicate properties are rejected so a
/// typo such as "weight" for "weights" cannot silently drop data.
/// </summary>
internal static class ModelJsonReader
{
    private static readonly string[] TopProperties = ["format", "layers", "synapses", "metadata"];
    private static readonly string[] LayerProperties = ["size", "activation", "bias", "weights"];
    private static readonly string[] SynapseProperties = ["from", "to", "weight"];

    public static ModelSpec Parse(ReadOnlyMemory<byte> utf8, string source)
    {
        // A UTF-8 byte order mark is legal in files written by editors but not accepted by the JSON reader.
        if (utf8.Span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            utf8 = utf8[3..];
        }
        CheckUtf8(utf8.Span, source);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8, new JsonDocumentOptions { MaxDepth = 16 });
        }
        catch (JsonException e)
        {
            string where = e.LineNumber is long line ? $"line {line + 1}, position {e.BytePositionInLine + 1}: " : "";
            throw new ModelFormatException(source, null, $"invalid JSON at {where}{FirstSentence(e.Message)}", e);
        }
        using (document)
        {
            return Build(document.RootElement, source);
        }
    }

    /// <summary>Rejects invalid UTF-8 up front: the JSON reader would otherwise fail later with a non-JSON exception when a string is read.</summary>
    private static void CheckUtf8(ReadOnlySpan<byte> utf8, string source)
    {
        if (Utf8.IsValid(utf8))
        {
            return;
        }
        int line = 1, lineStart = 0, offset = 0;
        while (Rune.DecodeFromUtf8(utf8[offset..], out _, out int consumed) == OperationStatus.Done)
        {
            if (utf8[offset] == (byte)'\n')
            {
                line++;
                lineStart = offset + 1;
            }
            offset += consumed;
        }
        throw new ModelFormatException(source, null, $"invalid UTF-8 at line {line}, position {offset - lineStart + 1}");
    }

    private static ModelSpec Build(JsonElement root, string source)
    {
        Expect(root, JsonValueKind.Object, "$", "an object", source);
        var props = Properties(root, "", TopProperties, source);
        if (!props.TryGetValue("format", out var format))
        {
            throw new ModelFormatException(source, "format", $"is missing; expected \"{ModelFile.Format}\"");
        }
        if (format.ValueKind != JsonValueKind.String || Text(format, "format", source) != ModelFile.Format)
        {
            throw new ModelFormatException(source, "format", $"is {Short(format)}; expected \"{ModelFile.Format}\"");
        }
        if (!props.TryGetValue("layers", out var layers))
        {
            throw new ModelFormatException(source, "layers", "is missing");
        }
        Expect(layers, JsonValueKind.Array, "layers", "an array of layer objects", source);

        var spec = new ModelSpec();
        int l = 0;
        foreach (var layer in layers.EnumerateArray())
        {
            spec.Layers.Add(ReadLayer(layer, $"layers[{l++}]", source));
        }
        if (props.TryGetValue("synapses", out var synapses))
        {
            Expect(synapses, JsonValueKind.Array, "synapses", "an array of synapse objects", source);
            int s = 0;
            foreach (var synapse in synapses.EnumerateArray())
            {
                spec.Synapses.Add(ReadSynapse(synapse, $"synapses[{s++}]", source));
            }
        }
        if (props.TryGetValue("metadata", out var metadata))
        {
            Expect(metadata, JsonValueKind.Object, "metadata", "an object of strings", source);
            foreach (var (key, value) in Properties(metadata, "metadata.", null, source))
            {
                Expect(value, JsonValueKind.String, $"metadata.{key}", "a string", source);
                spec.Metadata[key] = Text(value, $"metadata.{key}", source);
            }
        }
        ModelValidator.Validate(spec, source);
        return spec;
    }

    private static LayerSpec ReadLayer(JsonElement element, string path, string source)
    {
        Expect(element, JsonValueKind.Object, path, "a layer object", source);
        var props = Properties(element, path + ".", LayerProperties, source);
        var layer = new LayerSpec();
        if (!props.TryGetValue("size", out var size))
        {
            throw new ModelFormatException(source, path + ".size", "is missing");
        }
        layer.Size = ReadInt(size, path + ".size", "a positive integer", source);
        if (props.TryGetValue("activation", out var activation))
        {
            Expect(activation, JsonValueKind.String, path + ".activation", "a string", source);
            layer.Activation = Text(activation, path + ".activation", source);
        }
        if (props.TryGetValue("bias", out var bias))
        {
            if (bias.ValueKind == JsonValueKind.False)
            {
                layer.HasBias = false;
            }
            else
            {
                layer.Bias = ReadFloats(bias, path + ".bias", source);
            }
        }
        if (props.TryGetValue("weights", out var weights))
        {
            Expect(weights, JsonValueKind.Array, path + ".weights", "an array of rows", source);
            var rows = new float[weights.GetArrayLength()][];
            int j = 0;
            foreach (var row in weights.EnumerateArray())
            {
                rows[j] = ReadFloats(row, $"{path}.weights[{j}]", source);
                j++;
            }
            layer.Weights = rows;
        }
        return layer;
    }

    private static SynapseSpec ReadSynapse(JsonElement element, string path, string source)
    {
        Expect(element, JsonValueKind.Object, path, "a synapse object", source);
        var props = Properties(element, path + ".", SynapseProperties, source);
        var (fromLayer, fromIndex) = ReadEndpoint(props, "from", path, source);
        var (toLayer, toIndex) = ReadEndpoint(props, "to", path, source);
        if (!props.TryGetValue("weight", out var weight))
        {
            throw new ModelFormatException(source, path + ".weight", "is missing");
        }
        return new SynapseSpec(fromLayer, fromIndex, toLayer, toIndex, ReadFloat(weight, path + ".weight", source));
    }

    private static (int Layer, int Index) ReadEndpoint(Dictionary<string, JsonElement> props, string name, string path, string source)
    {
        string full = $"{path}.{name}";
        if (!props.TryGetValue(name, out var endpoint))
        {
            throw new ModelFormatException(source, full, "is missing; expected [layer, neuron]");
        }
        if (endpoint.ValueKind != JsonValueKind.Array || endpoint.GetArrayLength() != 2)
        {
            throw new ModelFormatException(source, full, $"is {Short(endpoint)}; expected [layer, neuron]");
        }
        int layer = ReadInt(endpoint[0], full + "[0]", "a non-negative integer", source);
        int index = ReadInt(endpoint[1], full + "[1]", "a non-negative integer", source);
        return (layer, index);
    }

    private static float[] ReadFloats(JsonElement element, string path, string source)
    {
        Expect(element, JsonValueKind.Array, path, "an array of numbers", source);
        var values = new float[element.GetArrayLength()];
        int i = 0;
        foreach (var item in element.EnumerateArray())
        {
            values[i] = ReadFloat(item, $"{path}[{i}]", source);
            i++;
        }
        return values;
    }

    private static float ReadFloat(JsonElement element, string path, string source)
    {
        Expect(element, JsonValueKind.Number, path, "a number", source);
        // Parse the text straight to float: going through double would round twice and could miss the exact value.
        string text = element.GetRawText();
        if (!float.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out float value) || !float.IsFinite(value))
        {
            throw new ModelFormatException(source, path, $"{Cut(text)} is outside the float range (±3.4028235E+38)");
        }
        return value;
    }

    private static int ReadInt(JsonElement element, string path, string what, string source)
    {
        if (element.ValueKind != JsonValueKind.Number || !element.TryGetInt32(out int value) || value < 0)
        {
            throw new ModelFormatException(source, path, $"is {Short(element)}; expected {what}");
        }
        return value;
    }

    private static Dictionary<string, JsonElement> Properties(JsonElement element, string prefix, string[]? allowed, string source)
    {
        var result = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            string name;
            try
            {
                name = property.Name;
            }
            catch (InvalidOperationException e)
            {
                throw new ModelFormatException(source, prefix.Length > 0 ? prefix.TrimEnd('.') : "$", $"a property name has an invalid \\u escape ({e.Message})", e);
            }
            if (allowed is not null && Array.IndexOf(allowed, name) < 0)
            {
                throw new ModelFormatException(source, prefix + name, $"unknown property; valid here: {string.Join(", ", allowed)}");
            }
            if (!result.TryAdd(name, property.Value))
            {
                throw new ModelFormatException(source, prefix + name, "appears twice");
            }
        }
        return result;
    }

    /// <summary>Reads a string value; a \u escape of an unpaired surrogate is valid JSON syntax but not a valid .NET string.</summary>
    private static string Text(JsonElement element, string path, string source)
    {
        try
        {
            return element.GetString()!;
        }
        catch (InvalidOperationException e)
        {
            throw new ModelFormatException(source, path, $"string has an invalid \\u escape ({e.Message})", e);
        }
    }

    private static void Expect(JsonElement element, JsonValueKind kind, string path, string what, string source)
    {
        if (element.ValueKind != kind)
        {
            throw new ModelFormatException(source, path, $"is {Short(element)}; expected {what}");
        }
    }

    /// <summary>Describes a JSON value briefly for an error message.</summary>
    private static string Short(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => $"an array of {element.GetArrayLength()}",
        JsonValueKind.Null => "null",
        JsonValueKind.True or JsonValueKind.False => element.GetRawText(),
        JsonValueKind.String => "the string " + Cut(element.GetRawText()),
        _ => Cut(element.GetRawText()),
    };

    private static string Cut(string text)
    {
        text = text.ReplaceLineEndings(" ");
        return text.Length > 40 ? text[..40] + "…" : text;
    }

    private static string FirstSentence(string message)
    {
        // JsonException messages end with "Path: $ | LineNumber: … | BytePositionInLine: …", which we report ourselves.
        foreach (string marker in new[] { " Path: ", " LineNumber: " })
        {
            int cut = message.IndexOf(marker, StringComparison.Ordinal);
            if (cut > 0)
            {
                message = message[..cut];
            }
        }
        return message.ReplaceLineEndings(" ");
    }
}
