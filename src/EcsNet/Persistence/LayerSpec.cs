namespace EcsNet.Persistence;

/// <summary>One layer of a <see cref="ModelSpec"/>.</summary>
public sealed class LayerSpec
{
    /// <summary>Number of neurons (positive, at most <see cref="ModelFile.MaxLayerSize"/>).</summary>
    public int Size { get; set; }

    /// <summary>Activation name from <see cref="ActivationNames.All"/>; null for the input layer, required otherwise.</summary>
    public string? Activation { get; set; }

    /// <summary>Bias b_j per neuron; null means all zeros. Null for the input layer.</summary>
    public float[]? Bias { get; set; }

    /// <summary>False for a layer whose neurons have no bias at all (written <c>"bias": false</c>); then
    /// <see cref="Bias"/> must be null.</summary>
    public bool HasBias { get; set; } = true;

    /// <summary>
    /// Dense weights: <c>Weights[j][k]</c> = w_jk^l, to neuron j of this layer from neuron k of the previous layer.
    /// Null when every input of the layer is an explicit synapse, and for the input layer.
    /// </summary>
    public float[][]? Weights { get; set; }
}
