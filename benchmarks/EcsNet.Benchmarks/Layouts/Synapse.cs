namespace EcsNet.Benchmarks.Layouts;

/// <summary>A synapse of the textbook object-graph layout: one heap object per connection.</summary>
public sealed class Synapse(Neuron from, Neuron to, float weight)
{
    public Neuron From { get; } = from;

    public Neuron To { get; } = to;

    public float W = weight;

    public float Gradient;
}
