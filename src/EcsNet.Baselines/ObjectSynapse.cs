namespace EcsNet.Baselines;

/// <summary>
/// A synapse of the textbook object-graph layout (<see cref="ObjectGraphNetwork"/>): one heap object per connection.
/// Not the ECS synapse: nothing here is an entity or a component.
/// </summary>
/// <param name="from">The source neuron k.</param>
/// <param name="to">The target neuron j.</param>
/// <param name="weight">The initial weight w_jk.</param>
public sealed class ObjectSynapse(ObjectNeuron from, ObjectNeuron to, float weight)
{
    /// <summary>The source neuron k.</summary>
    public ObjectNeuron From { get; } = from;

    /// <summary>The target neuron j.</summary>
    public ObjectNeuron To { get; } = to;

    /// <summary>The weight w_jk (a field for the same reason as <see cref="ObjectNeuron.Bias"/>).</summary>
    public float W = weight;

    /// <summary>∂C/∂w_jk summed over the samples of the current mini-batch.</summary>
    public float Gradient;
}
