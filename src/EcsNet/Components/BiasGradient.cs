namespace EcsNet.Components;

/// <summary>∂C/∂b_j^l = Σ_x δ_j^l, accumulated over the mini-batch until the next update.</summary>
public struct BiasGradient
{
    /// <summary>The accumulated gradient.</summary>
    public float Value;
}
