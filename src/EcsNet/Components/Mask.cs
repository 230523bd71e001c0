namespace EcsNet.Components;

/// <summary>r_j: the neuron's output for this step is a_j = r_j f(z_j), and δ_j is scaled alike (0 silences it, as dropout does).</summary>
/// <remarks>For hidden and output neurons; the forward pass refuses one on an input neuron, which has no f(z).</remarks>
public struct Mask
{
    /// <summary>The factor r_j (1 keeps the neuron as it is).</summary>
    public float Value;
}
