namespace EcsNet.Benchmarks.Layouts;

/// <summary>A neuron of the textbook object-graph layout: state in fields, wiring in lists of references.</summary>
public sealed class Neuron(int index)
{
    /// <summary>Position within its layer (only used to read the weights back as a matrix).</summary>
    public int Index { get; } = index;

    /// <summary>Incoming synapses, by ascending source index.</summary>
    public List<Synapse> In { get; } = [];

    /// <summary>Outgoing synapses, by ascending target index.</summary>
    public List<Synapse> Out { get; } = [];

    public float Bias;
    public float Z;
    public float A;
    public float Delta;
    public float BiasGradient;
}
