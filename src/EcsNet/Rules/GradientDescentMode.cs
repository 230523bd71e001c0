namespace EcsNet.Rules;

/// <summary>When the delta rule applies its steps (Utah deck, "Incremental Gradient Descent Algorithm").</summary>
public enum GradientDescentMode
{
    /// <summary>Accumulate Δw_i over every example, then update once per epoch: descends E_D.</summary>
    Batch,

    /// <summary>Update after each example: descends each E_d in turn and approximates batch mode for small η.</summary>
    Incremental,
}
