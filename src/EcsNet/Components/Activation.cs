namespace EcsNet.Components;

/// <summary>a_j^l = f(z_j^l): the output of neuron j in layer l (first sample of the last pass).</summary>
public struct Activation
{
    /// <summary>The value a_j^l.</summary>
    public float Value;
}
