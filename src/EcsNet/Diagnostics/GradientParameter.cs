namespace EcsNet.Diagnostics;

/// <summary>Which kind of parameter a gradient-check entry is about.</summary>
public enum GradientParameter
{
    /// <summary>A synapse's weight w_jk^l.</summary>
    Weight,

    /// <summary>A neuron's bias b_j^l.</summary>
    Bias,
}
