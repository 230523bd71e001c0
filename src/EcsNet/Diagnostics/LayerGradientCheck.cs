namespace EcsNet.Diagnostics;

/// <summary>
/// The gradient check of one layer l: the synapses into it and the biases of its neurons, with the worst relative
/// error of each kind (0 when the layer has none of that kind).
/// </summary>
/// <param name="Layer">The layer index l (≥ 1).</param>
/// <param name="WeightCount">The number of synapses whose target neuron is in layer l.</param>
/// <param name="BiasCount">The number of neurons (biases) in layer l.</param>
/// <param name="WorstWeightError">The largest relative error over those synapses' weights.</param>
/// <param name="WorstBiasError">The largest relative error over the layer's biases.</param>
public sealed record LayerGradientCheck(int Layer, int WeightCount, int BiasCount, double WorstWeightError, double WorstBiasError)
{
    /// <summary>Weights plus biases checked in this layer.</summary>
    public int ParameterCount => WeightCount + BiasCount;

    /// <summary>The larger of <see cref="WorstWeightError"/> and <see cref="WorstBiasError"/>.</summary>
    public double WorstError => Math.Max(WorstWeightError, WorstBiasError);
}
