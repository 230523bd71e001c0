using System.Globalization;
using System.Text;
using System.Text.Json;

namespace EcsNet.Persistence;

/// <summary>
/// Writes a validated <see cref="ModelSpec"/> in the fixed <c>ecsnet-model/1</c> layout: two-space indent,
/// one layer per block, bias on one line, one weights row per line, one synapse per line, LF line ends.
/// Floats use the shortest text that round-trips ("R"), so the output is deterministic and exact.
/// </summary>
internal static class ModelJsonWriter
{
    public static string Write(ModelSpec spec)
    {
        var sb = new StringBuilder();
        sb.Append("{\n");
        sb.Append("  \"format\": ").Append(Quote(ModelFile.Format)).Append(",\n");
        sb.Append("  \"layers\": [\n");
        for (int l = 0; l < spec.Layers.Count; l++)
        {
            WriteLayer(sb, spec.Layers[l]);
            sb.Append(l < spec.Layers.Count - 1 ? ",\n" : "\n");
        }
        sb.Append("  ]");
        if (spec.Synapses.Count > 0)
        {
            sb.Append(",\n  \"synapses\": [\n");
            for (int s = 0; s < spec.Synapses.Count; s++)
            {
                var syn = spec.Synapses[s];
                sb.Append("    { \"from\": [").Append(syn.FromLayer).Append(", ").Append(syn.FromIndex)
                  .Append("], \"to\": [").Append(syn.ToLayer).Append(", ").Append(syn.ToIndex)
                  .Append("], \"weight\": ").Append(Number(syn.Weight)).Append(" }")
                  .Append(s < spec.Synapses.Count - 1 ? ",\n" : "\n");
            }
            sb.Append("  ]");
        }
        if (spec.Metadata.Count > 0)
        {
            sb.Append(",\n  \"metadata\": {\n");
            var keys = spec.Metadata.Keys.Order(StringComparer.Ordinal).ToArray();
            for (int i = 0; i < keys.Length; i++)
            {
                sb.Append("    ").Append(Quote(keys[i])).Append(": ").Append(Quote(spec.Metadata[keys[i]]))
                  .Append(i < keys.Length - 1 ? ",\n" : "\n");
            }
            sb.Append("  }");
        }
        sb.Append("\n}\n");
        return sb.ToString();
    }

    private static void WriteLayer(StringBuilder sb, LayerSpec layer)
    {
        if (layer.Activation is null && layer.Bias is null && layer.HasBias && layer.Weights is null)
        {
            sb.Append("    { \"size\": ").Append(layer.Size).Append(" }");
            return;
        }
        sb.Append("    {\n      \"size\": ").Append(layer.Size);
        if (layer.Activation is not null)
        {
            sb.Append(",\n      \"activation\": ").Append(Quote(layer.Activation));
        }
        if (!layer.HasBias)
        {
            sb.Append(",\n      \"bias\": false");
        }
        else if (layer.Bias is not null)
        {
            sb.Append(",\n      \"bias\": ");
            WriteArray(sb, layer.Bias);
        }
        if (layer.Weights is not null)
        {
            sb.Append(",\n      \"weights\": [");
            for (int j = 0; j < layer.Weights.Length; j++)
            {
                sb.Append(j == 0 ? "\n        " : ",\n        ");
                WriteArray(sb, layer.Weights[j]);
            }
            sb.Append(layer.Weights.Length > 0 ? "\n      ]" : "]");
        }
        sb.Append("\n    }");
    }

    private static void WriteArray(StringBuilder sb, float[] values)
    {
        sb.Append('[');
        for (int i = 0; i < values.Length; i++)
        {
            if (i > 0)
            {
                sb.Append(", ");
            }
            sb.Append(Number(values[i]));
        }
        sb.Append(']');
    }

    // "R" on float is the shortest string that parses back to the same bits (including "-0" and subnormals).
    private static string Number(float value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Quote(string text) => JsonSerializer.Serialize(text);
}
