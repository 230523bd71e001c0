using EcsNet.Components;

namespace EcsNet;

/// <summary>
/// The one vocabulary of queries over a network's world, shared by the passes, the systems, the diagnostics and user
/// systems. A synapse is any entity with a <see cref="Synapse"/>; a neuron any entity with a <see cref="Neuron"/>.
/// </summary>
public static class NetworkQueries
{
    /// <summary>Every synapse, whatever components a user added to it.</summary>
    public static readonly QueryDescription Synapses = new QueryDescription().WithAll<Synapse>();

    /// <summary>Every neuron, inputs included.</summary>
    public static readonly QueryDescription Neurons = new QueryDescription().WithAll<Neuron>();

    /// <summary>Every neuron with a bias b_j^l (hidden and output neurons).</summary>
    public static readonly QueryDescription BiasedNeurons = new QueryDescription().WithAll<Neuron, Bias>();

    /// <summary>The parameters: every weight w_jk^l and bias b_j^l, with the gradient and optimiser state kept beside it.</summary>
    public static readonly QueryDescription Weights = new QueryDescription().WithAll<Synapse, Weight, WeightGradient, OptimizerState>();

    /// <summary>Every bias with its gradient and optimiser state.</summary>
    public static readonly QueryDescription Biases = new QueryDescription().WithAll<Neuron, Bias, BiasGradient, OptimizerState>();

    /// <summary>Synapses the update treats apart: their own η, or frozen.</summary>
    public static readonly QueryDescription SynapsesWithOwnRule = new QueryDescription().WithAll<Synapse>().WithAny<LearningRate, Frozen>();
}
