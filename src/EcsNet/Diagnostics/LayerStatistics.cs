namespace EcsNet.Diagnostics;

/// <summary>
/// The parameters of one non-input layer l: the weights of the synapses into it (from any earlier layer), its biases,
/// and the L2 norms of their accumulated gradients (the <see cref="Components.WeightGradient"/> and
/// <see cref="Components.BiasGradient"/> currently held: zero right after an update).
/// </summary>
/// <param name="Layer">The layer index l (≥ 1).</param>
/// <param name="ActivationFunction">The name of the layer's activation function.</param>
/// <param name="Size">The number of neurons n_l.</param>
/// <param name="Weights">Statistics of w_jk over every synapse whose target is in layer l.</param>
/// <param name="WeightGradientNorm">√(Σ (∂C/∂w)²) over those synapses.</param>
/// <param name="Biases">Statistics of b_j over the layer's neurons.</param>
/// <param name="BiasGradientNorm">√(Σ (∂C/∂b)²) over the layer's neurons.</param>
public sealed record LayerStatistics(
    int Layer,
    string ActivationFunction,
    int Size,
    ValueStatistics Weights,
    double WeightGradientNorm,
    ValueStatistics Biases,
    double BiasGradientNorm);
