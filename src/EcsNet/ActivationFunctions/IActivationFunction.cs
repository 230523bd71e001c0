namespace EcsNet.ActivationFunctions;

/// <summary>
/// An activation function f of a layer, applied to the layer's batch buffers. Rows are neuron-major:
/// element <c>[j * m + b]</c> is neuron j of the layer for sample b of the batch.
/// </summary>
public interface IActivationFunction
{
    /// <summary>The name used in model files and on the command line.</summary>
    string Name { get; }

    /// <summary>Computes a = f(z) for the whole layer (softmax needs every neuron of a sample).</summary>
    void Forward(ReadOnlySpan<float> z, Span<float> a, int neurons, int batch);

    /// <summary>
    /// Computes δ = ∂C/∂z from g = ∂C/∂a: element-wise functions give δ = f′(z) ⊙ g; softmax applies its Jacobian.
    /// </summary>
    void Backward(ReadOnlySpan<float> z, ReadOnlySpan<float> a, ReadOnlySpan<float> g, Span<float> delta, int neurons, int batch);
}
