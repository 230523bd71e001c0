namespace EcsNet;

/// <summary>
/// One trainable number of the network, as micrograd's <c>parameters()</c> lists them: a weight w_jk^l on a synapse
/// entity or a bias b_j^l on a neuron entity, with the ∂C/∂θ accumulated since the last update.
/// </summary>
/// <param name="Entity">The synapse or neuron that holds it.</param>
/// <param name="IsWeight">True for a weight w_jk^l, false for a bias b_j^l.</param>
/// <param name="Layer">l: the layer the synapse ends in, or the neuron's layer.</param>
/// <param name="Index">j: the target neuron of the synapse, or the neuron.</param>
/// <param name="Source">k for a weight (the neuron in <paramref name="SourceLayer"/> it comes from); −1 for a bias.</param>
/// <param name="SourceLayer">The layer of the weight's source neuron (l − 1 unless it skips layers); −1 for a bias.</param>
/// <param name="Value">w_jk^l or b_j^l.</param>
/// <param name="Gradient">∂C/∂w_jk^l or ∂C/∂b_j^l, summed over the samples since the last update.</param>
public readonly record struct Parameter(Entity Entity, bool IsWeight, int Layer, int Index, int Source, int SourceLayer, float Value, float Gradient)
{
    /// <inheritdoc/>
    public override string ToString() => IsWeight
        ? FormattableString.Invariant($"w from neuron {Source} of layer {SourceLayer} to neuron {Index} of layer {Layer} = {Value}")
        : FormattableString.Invariant($"b of neuron {Index} of layer {Layer} = {Value}");
}
