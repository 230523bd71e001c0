namespace EcsNet.Persistence;

/// <summary>
/// The content of an <c>ecsnet-model/1</c> file: layers (layer 0 is the input layer) with dense weights,
/// plus optional explicit synapses between any earlier and later layer.
/// </summary>
public sealed class ModelSpec
{
    /// <summary>Layers in order; layer 0 is the input layer and has only a size.</summary>
    public List<LayerSpec> Layers { get; } = [];

    /// <summary>Explicit connections (sparse or skip), in addition to the dense weights.</summary>
    public List<SynapseSpec> Synapses { get; } = [];

    /// <summary>Free-form string annotations (e.g. cost function, class names); written with keys in ordinal order.</summary>
    public Dictionary<string, string> Metadata { get; } = new(StringComparer.Ordinal);
}
