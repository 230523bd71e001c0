namespace EcsNet.Components;

/// <summary>∂C/∂w_jk^l = Σ_x a_k^{l−1} δ_j^l, accumulated over the mini-batch until the next update.</summary>
public struct WeightGradient
{
    /// <summary>The accumulated gradient.</summary>
    public float Value;
}
