namespace EcsNet.Diagnostics;

/// <summary>
/// One parameter of a gradient check: the synapse or neuron entity, where it sits, the backprop gradient and the
/// finite-difference estimate of Σ_x ∂C_x/∂θ, and their relative error (see <see cref="GradientCheck.RelativeError"/>).
/// </summary>
/// <param name="Kind">Weight or bias.</param>
/// <param name="Entity">The synapse entity (weight) or neuron entity (bias).</param>
/// <param name="Layer">The layer l of the target neuron (weight) or of the neuron (bias).</param>
/// <param name="Index">The index j of that neuron within its layer.</param>
/// <param name="FromLayer">The source neuron's layer for a weight; −1 for a bias.</param>
/// <param name="FromIndex">The source neuron's index k for a weight; −1 for a bias.</param>
/// <param name="Backprop">Σ_x ∂C_x/∂θ as accumulated by the library's backward pass (float).</param>
/// <param name="FiniteDifference">(C(θ + ε) − C(θ − ε)) / 2ε of Σ_x C_x from the double-precision reference pass.</param>
/// <param name="RelativeError">|g_bp − g_fd| / max(|g_bp| + |g_fd|, 1e-4); +∞ when either is not finite.</param>
public readonly record struct ParameterGradientCheck(
    GradientParameter Kind,
    Entity Entity,
    int Layer,
    int Index,
    int FromLayer,
    int FromIndex,
    double Backprop,
    double FiniteDifference,
    double RelativeError);
