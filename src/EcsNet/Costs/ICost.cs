using EcsNet.ActivationFunctions;

namespace EcsNet.Costs;

/// <summary>
/// A cost C = (1/n) Σ_x C_x over the samples x. Buffers are neuron-major like the network's: element
/// <c>[j * m + b]</c> is output neuron j for sample b.
/// </summary>
public interface ICost
{
    /// <summary>The name used on the command line.</summary>
    string Name { get; }

    /// <summary>Σ_b C_x for the m samples of a batch (the caller divides by n).</summary>
    double Sum(ReadOnlySpan<float> a, ReadOnlySpan<float> y, int outputs, int batch);

    /// <summary>g = ∂C_x/∂a for every output and sample.</summary>
    void Gradient(ReadOnlySpan<float> a, ReadOnlySpan<float> y, Span<float> g, int outputs, int batch);

    /// <summary>
    /// True when this cost with <paramref name="output"/> gives δ^L = a − y exactly (σ′ or the softmax Jacobian
    /// cancels), so the output delta skips f′ and stays large where the unit saturates.
    /// </summary>
    bool SimplifiesWith(IActivationFunction output);
}
