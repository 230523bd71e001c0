namespace EcsNet.Persistence;

/// <summary>
/// The semantic rules of <c>ecsnet-model/1</c>, shared by reading and writing so that every file written
/// can be read back and every file read describes a buildable network.
/// </summary>
internal static class ModelValidator
{
    public static void Validate(ModelSpec spec, string source)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var layers = spec.Layers;
        if (layers.Count < 2)
        {
            throw new ModelFormatException(source, "layers", $"has {layers.Count} layers; at least 2 (input and output) are needed");
        }
        for (int l = 0; l < layers.Count; l++)
        {
            ValidateLayer(layers, l, source);
        }
        ValidateSynapses(spec, source);
        ValidateReached(spec, source);
        foreach (var (key, value) in spec.Metadata)
        {
            if (key is null || value is null)
            {
                throw new ModelFormatException(source, "metadata", "keys and values must not be null");
            }
        }
    }

    private static void ValidateLayer(List<LayerSpec> layers, int l, string source)
    {
        string path = $"layers[{l}]";
        var layer = layers[l] ?? throw new ModelFormatException(source, path, "is null");
        if (layer.Size <= 0 || layer.Size > ModelFile.MaxLayerSize)
        {
            throw new ModelFormatException(source, path + ".size", $"must be a positive integer of at most {ModelFile.MaxLayerSize}, got {layer.Size}");
        }
        if (l == 0)
        {
            string? extra = layer.Activation is not null ? "activation" : layer.Bias is not null || !layer.HasBias ? "bias" : layer.Weights is not null ? "weights" : null;
            if (extra is not null)
            {
                throw new ModelFormatException(source, $"{path}.{extra}", "the input layer has only a size");
            }
            return;
        }
        if (layer.Activation is null)
        {
            throw new ModelFormatException(source, path + ".activation", $"is missing; valid: {string.Join(", ", ActivationNames.All)}");
        }
        if (!ActivationNames.IsValid(layer.Activation))
        {
            throw new ModelFormatException(source, path + ".activation", $"unknown activation '{layer.Activation}'; valid: {string.Join(", ", ActivationNames.All)}");
        }
        if (!layer.HasBias && layer.Bias is not null)
        {
            throw new ModelFormatException(source, path + ".bias", "a layer without biases (HasBias false) cannot also give bias values");
        }
        if (layer.Bias is { } bias)
        {
            if (bias.Length != layer.Size)
            {
                throw new ModelFormatException(source, path + ".bias", $"has {bias.Length} values but the layer size is {layer.Size}");
            }
            CheckFinite(bias, $"{path}.bias", source);
        }
        if (layer.Weights is { } weights)
        {
            int previous = layers[l - 1]?.Size ?? 0;
            if (weights.Length != layer.Size)
            {
                throw new ModelFormatException(source, path + ".weights", $"has {weights.Length} rows but the layer size is {layer.Size} (one row per neuron)");
            }
            for (int j = 0; j < weights.Length; j++)
            {
                var row = weights[j] ?? throw new ModelFormatException(source, $"{path}.weights[{j}]", "is null");
                if (row.Length != previous)
                {
                    throw new ModelFormatException(source, $"{path}.weights[{j}]", $"has {row.Length} values but the previous layer has {previous} neurons");
                }
                CheckFinite(row, $"{path}.weights[{j}]", source);
            }
        }
    }

    private static void ValidateSynapses(ModelSpec spec, string source)
    {
        var layers = spec.Layers;
        var seen = new Dictionary<(int, int, int, int), int>();
        for (int s = 0; s < spec.Synapses.Count; s++)
        {
            string path = $"synapses[{s}]";
            var syn = spec.Synapses[s] ?? throw new ModelFormatException(source, path, "is null");
            CheckEndpoint(layers, syn.FromLayer, syn.FromIndex, path + ".from", source);
            CheckEndpoint(layers, syn.ToLayer, syn.ToIndex, path + ".to", source);
            if (syn.FromLayer >= syn.ToLayer)
            {
                throw new ModelFormatException(source, path, $"goes from layer {syn.FromLayer} to layer {syn.ToLayer}; synapses must go forward to a later layer");
            }
            if (!float.IsFinite(syn.Weight))
            {
                throw new ModelFormatException(source, path + ".weight", $"is {syn.Weight}; weights must be finite");
            }
            if (!seen.TryAdd((syn.FromLayer, syn.FromIndex, syn.ToLayer, syn.ToIndex), s))
            {
                throw new ModelFormatException(source, path, $"duplicates synapses[{seen[(syn.FromLayer, syn.FromIndex, syn.ToLayer, syn.ToIndex)]}] (same from and to)");
            }
            if (syn.ToLayer == syn.FromLayer + 1 && layers[syn.ToLayer].Weights is not null)
            {
                throw new ModelFormatException(source, path, $"duplicates the dense weight layers[{syn.ToLayer}].weights[{syn.ToIndex}][{syn.FromIndex}]");
            }
        }
    }

    /// <summary>Every layer after the input needs weights or a synapse into it — the rule <c>NetworkModel.Save</c>
    /// applies to a network, so every file that validates can be written back.</summary>
    private static void ValidateReached(ModelSpec spec, string source)
    {
        var reached = new bool[spec.Layers.Count];
        foreach (var s in spec.Synapses)
        {
            reached[s.ToLayer] = true;
        }

        for (int l = 1; l < spec.Layers.Count; l++)
        {
            if (spec.Layers[l].Weights is null && !reached[l])
            {
                throw new ModelFormatException(source, $"layers[{l}].weights", "is missing and no synapse ends in this layer; give weights or synapses into it");
            }
        }
    }

    private static void CheckEndpoint(List<LayerSpec> layers, int layer, int index, string path, string source)
    {
        if ((uint)layer >= (uint)layers.Count)
        {
            throw new ModelFormatException(source, path, $"layer {layer} does not exist; the model has layers 0 to {layers.Count - 1}");
        }
        if ((uint)index >= (uint)layers[layer].Size)
        {
            throw new ModelFormatException(source, path, $"neuron {index} does not exist; layer {layer} has {layers[layer].Size} neurons");
        }
    }

    private static void CheckFinite(float[] values, string path, string source)
    {
        for (int i = 0; i < values.Length; i++)
        {
            if (!float.IsFinite(values[i]))
            {
                throw new ModelFormatException(source, $"{path}[{i}]", $"is {values[i]}; numbers must be finite");
            }
        }
    }
}
