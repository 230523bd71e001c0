namespace EcsNet.Components;

/// <summary>δ_j^l = ∂C/∂z_j^l: the error of neuron j in layer l (first sample of the last pass).</summary>
public struct Delta
{
    /// <summary>The value δ_j^l.</summary>
    public float Value;
}
