namespace EcsNet.Baselines;

/// <summary>
/// A neuron of the textbook object-graph layout (<see cref="ObjectGraphNetwork"/>): state in fields, wiring in lists
/// of references. Not the ECS neuron: nothing here is an entity or a component.
/// </summary>
/// <param name="index">Position within its layer.</param>
public sealed class ObjectNeuron(int index)
{
    /// <summary>Position within its layer (only used to read the weights back as a matrix).</summary>
    public int Index { get; } = index;

    /// <summary>Incoming synapses, by ascending source index.</summary>
    public List<ObjectSynapse> In { get; } = [];

    /// <summary>Outgoing synapses, by ascending target index.</summary>
    public List<ObjectSynapse> Out { get; } = [];

    // Public fields rather than properties: this is how such code is usually written, and the benchmark should
    // time the textbook layout, not an accessor-heavy variant of it.

    /// <summary>The bias b_j.</summary>
    public float Bias;

    /// <summary>The weighted input z_j of the current sample.</summary>
    public float Z;

    /// <summary>The activation a_j of the current sample.</summary>
    public float A;

    /// <summary>The error δ_j of the current sample.</summary>
    public float Delta;

    /// <summary>∂C/∂b_j summed over the samples of the current mini-batch.</summary>
    public float BiasGradient;
}
