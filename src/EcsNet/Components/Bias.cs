namespace EcsNet.Components;

/// <summary>b_j^l: the bias of neuron j in layer l.</summary>
public struct Bias
{
    /// <summary>The value b_j^l.</summary>
    public float Value;
}
