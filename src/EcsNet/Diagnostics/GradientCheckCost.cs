namespace EcsNet.Diagnostics;

/// <summary>
/// The Seoul deck's argument against finite differences, as numbers: the forward passes the estimate took (one per
/// sample for every evaluation of C, each from the perturbed layer on) and the seconds it took, against the seconds of
/// one backpropagation (forward and backward over the same samples) giving every gradient at once. Wall-clock figures
/// from a stopwatch, for illustration: they vary from run to run.
/// </summary>
/// <param name="Difference">The estimator used.</param>
/// <param name="ForwardPasses">Sample forward passes of the estimate: 2·P·m central, (P + 1)·m one-sided, for P
/// parameters and m samples. Backpropagation needs one forward and one backward pass per sample.</param>
/// <param name="BackpropSeconds">The backpropagation pass that gave every gradient.</param>
/// <param name="EstimateSeconds">The finite-difference estimate of the same gradients.</param>
public readonly record struct GradientCheckCost(FiniteDifference Difference, long ForwardPasses, double BackpropSeconds, double EstimateSeconds)
{
    /// <summary>How many times longer the estimate took than backpropagation.</summary>
    public double Ratio => EstimateSeconds / Math.Max(BackpropSeconds, 1e-9);
}
