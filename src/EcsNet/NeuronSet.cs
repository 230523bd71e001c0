namespace EcsNet;

/// <summary>The neuron queries every pass walks; the network keeps their chunks (see <see cref="ChunkCache"/>).</summary>
internal enum NeuronSet
{
    /// <summary><see cref="NetworkQueries.BiasedNeurons"/>.</summary>
    Biased,

    /// <summary><see cref="NetworkQueries.Biases"/>.</summary>
    Biases,

    /// <summary><see cref="NetworkQueries.TrainableBiases"/>.</summary>
    TrainableBiases,

    /// <summary><see cref="NetworkQueries.NeuronActivationsAndNetInputs"/>.</summary>
    ActivationsAndNetInputs,

    /// <summary><see cref="NetworkQueries.NeuronActivationsOnly"/>.</summary>
    ActivationsOnly,

    /// <summary><see cref="NetworkQueries.NeuronNetInputsOnly"/>.</summary>
    NetInputsOnly,

    /// <summary><see cref="NetworkQueries.NeuronDeltas"/>.</summary>
    Deltas,
}
