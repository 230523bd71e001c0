using EcsNet.Data;

namespace EcsNet.Diagnostics;

/// <summary>
/// Checks backpropagation against the Seoul deck's finite-difference estimator, in its central form
/// ∂C/∂θ ≈ (C(θ + ε) − C(θ − ε)) / 2ε, for every weight and bias. The backprop side is the library itself
/// (<see cref="Network.Backpropagate"/> summed over the samples, read from the <see cref="Components.WeightGradient"/> and
/// <see cref="Components.BiasGradient"/> components); the finite-difference side is an independent forward pass in
/// double precision over a copy of the weights, biases and wiring read from the entities, with the built-in
/// activations and costs re-implemented from their definitions. Cost: two reference passes per parameter — the
/// reason the deck gives for backprop — so keep the network and <c>maxSamples</c> small.
/// </summary>
/// <remarks>
/// Tolerance we claim: relative error &lt; 1e-2 for float backprop against the double reference, for every built-in
/// differentiable activation × cost pairing. Measured (tests, 4-5-3 networks dense, with skip synapses and half
/// pruned, 16 samples, ε = 1e-6): worst 5.5e-3 overall — a gradient of 3e-7 through a saturated tanh output, whose
/// float derivative 1 − a² is only good to ~1e-7 absolute and is measured against the 1e-4 floor — and 1.0e-4 among
/// gradients of magnitude ≥ 1e-2. User-supplied functions (see the <c>epsilon</c> parameter) are good to about 1e-5
/// absolute. Kinks (ReLU, leaky ReLU and hardtanh at their corners, step and sign at 0) are not differentiable: a
/// parameter whose ±ε step moves some z across a corner disagrees, so check away from them.
/// </remarks>
public static class GradientCheck
{
    /// <summary>The floor of <see cref="RelativeError"/>'s denominator: below it errors are measured absolutely.</summary>
    public const double ErrorFloor = 1e-4;

    /// <summary>
    /// Compares Σ_x ∂C_x/∂θ from backprop with the central difference of Σ_x C_x for every weight and bias, over up
    /// to <paramref name="maxSamples"/> samples of <paramref name="data"/> spread evenly across it; each comparison's
    /// relative error is |g_bp − g_fd| / max(|g_bp| + |g_fd|, 1e-4) (<see cref="RelativeError"/>).
    /// The network's weights are not changed (only the double copy is perturbed); its batch buffers are overwritten
    /// and its accumulated gradients are discarded before and after the check.
    /// </summary>
    /// <param name="network">The network; <see cref="Network.Cost"/> is the cost checked.</param>
    /// <param name="data">Samples whose shape matches the network.</param>
    /// <param name="maxSamples">How many samples to sum over (at least 1).</param>
    /// <param name="epsilon">The step ε of the central differences (in double, so 1e-6 is well inside its precision).
    /// A user-supplied activation or cost has only float methods; the reference replaces it by its linearisation around
    /// each sample's unperturbed pass, slopes measured from those float methods with a larger step (about 4e-3), so
    /// float rounding does not swamp the estimate and the comparison is still with the user's forward function.</param>
    /// <exception cref="ArgumentException">The data does not fit the network, is empty, or an argument is out of range.</exception>
    /// <param name="difference">Central (default) or one-sided differences.</param>
    public static GradientCheckReport Run(Network network, DataSet data, int maxSamples = 16, double epsilon = 1e-6, FiniteDifference difference = FiniteDifference.Central)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxSamples, 1);
        if (!(epsilon > 0) || !double.IsFinite(epsilon))
        {
            throw new ArgumentOutOfRangeException(nameof(epsilon), epsilon, "the step ε must be a finite number > 0");
        }

        data.CheckFits(network);

        if (!Enum.IsDefined(difference))
        {
            throw new ArgumentOutOfRangeException(nameof(difference), difference, "the difference is Central or OneSided");
        }

        var samples = SampleIndices(data.Count, maxSamples);
        var biases = new List<BiasRecord>();
        ReferenceNetwork reference;
        network.DiscardGradients();
        System.Diagnostics.Stopwatch backpropClock;
        try
        {
            // Timed on the second pass, so the comparison is not with the compiler's first visit.
            network.LoadBatch(data, samples);
            network.Forward();
            network.Backpropagate();
            network.DiscardGradients();
            backpropClock = System.Diagnostics.Stopwatch.StartNew();
            network.LoadBatch(data, samples);
            network.Forward();
            network.Backpropagate();
            backpropClock.Stop();
            reference = ReferenceNetwork.Capture(network, data, samples, biases);
        }
        finally
        {
            network.DiscardGradients();
        }

        var layerCount = network.Layers.Count;
        var worstWeight = new double[layerCount];
        var worstBias = new double[layerCount];
        var weightCount = new int[layerCount];
        var biasCount = new int[layerCount];
        var parameters = new List<ParameterGradientCheck>(reference.Synapses.Length + biases.Count);
        var estimateClock = System.Diagnostics.Stopwatch.StartNew();
        var unperturbed = difference == FiniteDifference.OneSided ? reference.TotalCost(1) : 0;
        double Estimate(double[] values, int i, int layer) => difference == FiniteDifference.Central
            ? CentralDifference(reference, values, i, layer, epsilon)
            : OneSidedDifference(reference, values, i, layer, epsilon, unperturbed);

        for (var i = 0; i < reference.Synapses.Length; i++)
        {
            var s = reference.Synapses[i];
            var fd = Estimate(reference.Weights, i, s.Layer);
            var error = RelativeError(s.Gradient, fd);
            var (fromLayer, fromIndex) = network.Position(s.Source);
            var (_, index) = network.Position(s.Target);
            parameters.Add(new ParameterGradientCheck(GradientParameter.Weight, s.Entity, s.Layer, index, fromLayer, fromIndex, s.Gradient, fd, error));
            weightCount[s.Layer]++;
            worstWeight[s.Layer] = Math.Max(worstWeight[s.Layer], error);
        }

        foreach (var b in biases.OrderBy(b => b.Slot))
        {
            var fd = Estimate(reference.Biases, b.Slot, b.Layer);
            var error = RelativeError(b.Gradient, fd);
            parameters.Add(new ParameterGradientCheck(GradientParameter.Bias, b.Entity, b.Layer, b.Index, -1, -1, b.Gradient, fd, error));
            biasCount[b.Layer]++;
            worstBias[b.Layer] = Math.Max(worstBias[b.Layer], error);
        }

        estimateClock.Stop();
        var perParameter = difference == FiniteDifference.Central ? 2L : 1L;
        var passes = (perParameter * parameters.Count + (difference == FiniteDifference.OneSided ? 1 : 0)) * samples.Length;
        var cost = new GradientCheckCost(difference, passes, backpropClock.Elapsed.TotalSeconds, estimateClock.Elapsed.TotalSeconds);
        var layers = new LayerGradientCheck[layerCount - 1];
        for (var l = 1; l < layerCount; l++)
        {
            layers[l - 1] = new LayerGradientCheck(l, weightCount[l], biasCount[l], worstWeight[l], worstBias[l]);
        }

        return new GradientCheckReport(layers, parameters, samples.Length, epsilon, cost);
    }

    /// <summary>
    /// The relative error |g_bp − g_fd| / max(|g_bp| + |g_fd|, 1e-4): symmetric, in [0, 1] once the gradients exceed
    /// the floor, and an absolute error (scaled by 1e4) for gradients too small for a ratio to mean anything.
    /// +∞ when either value is not finite, so a NaN can never pass.
    /// </summary>
    public static double RelativeError(double backprop, double finiteDifference)
    {
        if (!double.IsFinite(backprop) || !double.IsFinite(finiteDifference))
        {
            return double.PositiveInfinity;
        }

        return Math.Abs(backprop - finiteDifference) / Math.Max(Math.Abs(backprop) + Math.Abs(finiteDifference), ErrorFloor);
    }

    private static double CentralDifference(ReferenceNetwork reference, double[] values, int i, int layer, double step)
    {
        var original = values[i];
        values[i] = original + step;
        var plus = reference.TotalCost(layer);
        values[i] = original - step;
        var minus = reference.TotalCost(layer);
        values[i] = original;
        // The true step is (θ + ε) − (θ − ε) as represented, not 2ε, when θ is large.
        return (plus - minus) / ((original + step) - (original - step));
    }

    private static double OneSidedDifference(ReferenceNetwork reference, double[] values, int i, int layer, double step, double unperturbed)
    {
        var original = values[i];
        values[i] = original + step;
        var plus = reference.TotalCost(layer);
        values[i] = original;
        return (plus - unperturbed) / ((original + step) - original);
    }

    // Evenly spread rather than the first few, so an ordered data set (e.g. sorted by class) is still represented.
    private static int[] SampleIndices(int count, int maxSamples)
    {
        var n = Math.Min(count, maxSamples);
        var indices = new int[n];
        for (var i = 0; i < n; i++)
        {
            indices[i] = (int)((long)i * count / n);
        }

        return indices;
    }
}
