namespace EcsNet.Diagnostics;

/// <summary>The finite-difference estimator of ∂C/∂θ (Seoul deck): one-sided or central.</summary>
public enum FiniteDifference
{
    /// <summary>(C(θ + ε) − C(θ − ε)) / 2ε: two passes per parameter, error O(ε²).</summary>
    Central,

    /// <summary>(C(θ + ε) − C(θ)) / ε, the deck's form: one pass per parameter plus one unperturbed pass, error O(ε).</summary>
    OneSided,
}
