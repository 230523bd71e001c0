using EcsNet.Components;

namespace EcsNet;

/// <summary>
/// The one vocabulary of queries over a network's world, shared by the passes, the systems, the diagnostics and user
/// systems. A synapse is any entity with a <see cref="Synapse"/>; a neuron any entity with a <see cref="Neuron"/>; a
/// layer any entity with a <see cref="Layer"/>.
/// </summary>
public static class NetworkQueries
{
    /// <summary>Every layer entity.</summary>
    public static readonly QueryDescription Layers = new QueryDescription().WithAll<Layer>();

    /// <summary>Every synapse, whatever components a user added to it.</summary>
    public static readonly QueryDescription Synapses = new QueryDescription().WithAll<Synapse>();

    /// <summary>Every neuron, inputs included.</summary>
    public static readonly QueryDescription Neurons = new QueryDescription().WithAll<Neuron>();

    /// <summary>The input neurons (layer 0).</summary>
    public static readonly QueryDescription InputNeurons = new QueryDescription().WithAll<Neuron, InputNeuron>();

    /// <summary>The hidden neurons (layers 1 … L − 1).</summary>
    public static readonly QueryDescription HiddenNeurons = new QueryDescription().WithAll<Neuron, HiddenNeuron>();

    /// <summary>The output neurons (layer L).</summary>
    public static readonly QueryDescription OutputNeurons = new QueryDescription().WithAll<Neuron, OutputNeuron>();

    /// <summary>Every neuron with a bias b_j^l (hidden and output neurons of layers built with biases).</summary>
    public static readonly QueryDescription BiasedNeurons = new QueryDescription().WithAll<Neuron, Bias>();

    /// <summary>The parameters: every weight w_jk^l, with the gradient and optimiser state kept beside it.</summary>
    public static readonly QueryDescription Weights = new QueryDescription().WithAll<Synapse, Weight, WeightGradient, OptimizerState>();

    /// <summary>Every bias with its gradient and optimiser state.</summary>
    public static readonly QueryDescription Biases = new QueryDescription().WithAll<Neuron, Bias, BiasGradient, OptimizerState>();

    /// <summary>Synapses the update treats apart: their own η, or frozen.</summary>
    public static readonly QueryDescription SynapsesWithOwnRule = new QueryDescription().WithAll<Synapse>().WithAny<LearningRate, Frozen>();

    /// <summary>Synapses with their own learning rate η_jk.</summary>
    public static readonly QueryDescription SynapsesWithOwnRate = new QueryDescription().WithAll<Synapse, LearningRate>();

    /// <summary>Frozen synapses: training leaves their weights as they are.</summary>
    public static readonly QueryDescription FrozenSynapses = new QueryDescription().WithAll<Synapse, Frozen>();

    /// <summary>The weights the optimiser updates at the global η: neither frozen nor with their own η.</summary>
    public static readonly QueryDescription TrainableWeights = new QueryDescription().WithAll<Synapse, Weight, WeightGradient, OptimizerState>().WithNone<Frozen, LearningRate>();

    /// <summary>Every weight not frozen, whatever its η (the single-unit rules' weights).</summary>
    public static readonly QueryDescription UnfrozenWeights = new QueryDescription().WithAll<Synapse, Weight>().WithNone<Frozen>();

    /// <summary>The weights the optimiser updates at their own η_jk.</summary>
    public static readonly QueryDescription WeightsWithOwnRate = new QueryDescription().WithAll<Synapse, Weight, WeightGradient, OptimizerState, LearningRate>().WithNone<Frozen>();

    /// <summary>The gradients of frozen weights (cleared, never applied).</summary>
    public static readonly QueryDescription FrozenWeightGradients = new QueryDescription().WithAll<Synapse, WeightGradient, Frozen>();

    /// <summary>The biases the optimiser updates: those of neurons not tagged <see cref="Frozen"/>.</summary>
    public static readonly QueryDescription TrainableBiases = new QueryDescription().WithAll<Neuron, Bias, BiasGradient, OptimizerState>().WithNone<Frozen>();

    /// <summary>The gradients of frozen biases (cleared, never applied).</summary>
    public static readonly QueryDescription FrozenBiasGradients = new QueryDescription().WithAll<Neuron, BiasGradient, Frozen>();

    /// <summary>Neurons with their own activation function.</summary>
    public static readonly QueryDescription NeuronsWithOwnFunction = new QueryDescription().WithAll<Neuron, OwnFunction>();

    /// <summary>Neurons with a dropout-style mask r_j.</summary>
    public static readonly QueryDescription MaskedNeurons = new QueryDescription().WithAll<Neuron, Mask>();

    /// <summary>Neurons carrying the first sample's a_j and z_j (see <see cref="Activation"/>, <see cref="NetInput"/>).</summary>
    public static readonly QueryDescription NeuronActivationsAndNetInputs = new QueryDescription().WithAll<Neuron, Activation, NetInput>();

    /// <summary>Neurons carrying the first sample's a_j but no z_j (the inputs).</summary>
    public static readonly QueryDescription NeuronActivationsOnly = new QueryDescription().WithAll<Neuron, Activation>().WithNone<NetInput>();

    /// <summary>Neurons carrying the first sample's z_j but no a_j.</summary>
    public static readonly QueryDescription NeuronNetInputsOnly = new QueryDescription().WithAll<Neuron, NetInput>().WithNone<Activation>();

    /// <summary>Neurons carrying the first sample's δ_j (see <see cref="Delta"/>).</summary>
    public static readonly QueryDescription NeuronDeltas = new QueryDescription().WithAll<Neuron, Delta>();
}
