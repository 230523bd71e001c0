namespace EcsNet.Components;

/// <summary>z_j^l = Σ_k w_jk^l a_k^{l−1} + b_j^l: the net input of neuron j in layer l (first sample of the last pass).</summary>
public struct NetInput
{
    /// <summary>The value z_j^l.</summary>
    public float Value;
}
