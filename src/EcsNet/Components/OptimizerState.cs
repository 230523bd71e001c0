namespace EcsNet.Components;

/// <summary>
/// The optimiser's memory for one parameter: the velocity v (momentum, Nesterov), the squared-gradient sum or
/// average (Adagrad, RMSprop), or Adam's first and second moments m and v.
/// </summary>
public struct OptimizerState
{
    /// <summary>First slot: velocity, accumulated square, or Adam's first moment.</summary>
    public float M;

    /// <summary>Second slot: Adam's second moment.</summary>
    public float V;
}
