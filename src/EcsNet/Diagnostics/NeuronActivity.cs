namespace EcsNet.Diagnostics;

/// <summary>
/// How one hidden or output neuron behaved over a data set: its mean derivative f′(z), mean activation, range of net
/// input, and whether it is saturated or a dead ReLU (see <see cref="NetworkInspector.Inspect"/> for the definitions).
/// </summary>
/// <param name="Layer">The layer l.</param>
/// <param name="Index">The index j within the layer.</param>
/// <param name="Entity">The neuron entity.</param>
/// <param name="ActivationFunction">The name of its activation function.</param>
/// <param name="MeanDerivative">The mean of f′(z_j) over the samples (softmax: of the diagonal a_j(1 − a_j)).</param>
/// <param name="MeanActivation">The mean of a_j over the samples.</param>
/// <param name="MinNetInput">The smallest z_j seen.</param>
/// <param name="MaxNetInput">The largest z_j seen.</param>
/// <param name="IsSaturated">A sigmoid or tanh unit whose mean f′ is below the threshold fraction of f′'s maximum.</param>
/// <param name="IsDeadRelu">A ReLU unit with z ≤ 0 for every sample.</param>
public sealed record NeuronActivity(
    int Layer,
    int Index,
    Entity Entity,
    string ActivationFunction,
    double MeanDerivative,
    double MeanActivation,
    double MinNetInput,
    double MaxNetInput,
    bool IsSaturated,
    bool IsDeadRelu);
