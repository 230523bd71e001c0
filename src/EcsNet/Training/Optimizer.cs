using System.Globalization;
using EcsNet.Components;

namespace EcsNet.Training;

/// <summary>
/// The update rule w ← w − η·g and its descendants from the Unicamp deck: momentum, Nesterov, Adagrad, Adadelta,
/// RMSprop, Adam, AdaMax and Nadam.
/// The state each needs lives in the parameter's <see cref="OptimizerState"/> component.
/// </summary>
public sealed record Optimizer
{
    private Optimizer(OptimizerKind kind, float momentum = 0f)
    {
        Kind = kind;
        Momentum = momentum;
    }

    /// <summary>The rule.</summary>
    public OptimizerKind Kind { get; }

    /// <summary>μ for momentum and Nesterov.</summary>
    public float Momentum { get; }

    /// <summary>The decay ρ of RMSprop (0.9) and Adadelta (0.95).</summary>
    public float Rho { get; init; } = 0.9f;

    /// <summary>β₁ of Adam, AdaMax and Nadam.</summary>
    public float Beta1 { get; init; } = 0.9f;

    /// <summary>β₂ of Adam, AdaMax and Nadam.</summary>
    public float Beta2 { get; init; } = 0.999f;

    /// <summary>The ε that keeps the adaptive rules from dividing by zero (Adadelta: 1e-6, as Zeiler; else 1e-8).</summary>
    public float Epsilon { get; init; } = 1e-8f;

    /// <summary>Plain gradient descent: w ← w − η g.</summary>
    public static Optimizer Sgd { get; } = new(OptimizerKind.Sgd);

    /// <summary>Adagrad: G ← G + g², w ← w − η g / (√G + ε).</summary>
    public static Optimizer Adagrad { get; } = new(OptimizerKind.Adagrad);

    /// <summary>RMSprop: E ← ρE + (1 − ρ) g², w ← w − η g / (√E + ε).</summary>
    public static Optimizer RmsProp { get; } = new(OptimizerKind.RmsProp);

    /// <summary>Adam with bias-corrected moments.</summary>
    public static Optimizer Adam { get; } = new(OptimizerKind.Adam);

    /// <summary>Adadelta (Zeiler 2012): E_g ← ρE_g + (1 − ρ)g², Δ = −√(E_Δ + ε)/√(E_g + ε)·g, E_Δ ← ρE_Δ + (1 − ρ)Δ²,
    /// w ← w + ηΔ. Zeiler's rule has no learning rate: use η = 1 for it.</summary>
    public static Optimizer Adadelta { get; } = new(OptimizerKind.Adadelta) { Rho = 0.95f, Epsilon = 1e-6f };

    /// <summary>AdaMax (Kingma and Ba 2015): m ← β₁m + (1 − β₁)g, u ← max(β₂u, |g|), w ← w − η/(1 − β₁ᵗ)·m/(u + ε).</summary>
    public static Optimizer AdaMax { get; } = new(OptimizerKind.AdaMax);

    /// <summary>Nadam (Dozat 2016): Adam's moments with a Nesterov look-ahead,
    /// w ← w − η/(√v̂ + ε)·(β₁m̂ + (1 − β₁)g/(1 − β₁ᵗ)).</summary>
    public static Optimizer Nadam { get; } = new(OptimizerKind.Nadam);

    /// <summary>Momentum: v ← μv − η g, w ← w + v.</summary>
    public static Optimizer WithMomentum(float mu) => new(OptimizerKind.Momentum, CheckMu(mu));

    /// <summary>Nesterov momentum (Sutskever's form): v ← μv − η g, w ← w − μ v_prev + (1 + μ) v.</summary>
    public static Optimizer Nesterov(float mu) => new(OptimizerKind.Nesterov, CheckMu(mu));

    /// <summary>Parses <c>sgd</c>, <c>momentum[:MU]</c>, <c>nesterov[:MU]</c>, <c>adagrad</c>, <c>adadelta</c>, <c>rmsprop</c>,
    /// <c>adam</c>, <c>adamax</c> or <c>nadam</c>.</summary>
    /// <exception cref="ArgumentException">The text names no optimiser; the message lists the valid ones.</exception>
    public static Optimizer Parse(string text)
    {
        var parts = text.Trim().ToLowerInvariant().Split(':', 2);
        float Mu()
        {
            if (parts.Length == 1)
            {
                return 0.9f;
            }

            return float.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var mu)
                ? mu
                : throw new ArgumentException($"optimizer '{text}': μ must be a number in [0, 1), as in momentum:0.9");
        }

        return parts[0] switch
        {
            "sgd" when parts.Length == 1 => Sgd,
            "momentum" => WithMomentum(Mu()),
            "nesterov" => Nesterov(Mu()),
            "adagrad" when parts.Length == 1 => Adagrad,
            "rmsprop" when parts.Length == 1 => RmsProp,
            "adam" when parts.Length == 1 => Adam,
            "adadelta" when parts.Length == 1 => Adadelta,
            "adamax" when parts.Length == 1 => AdaMax,
            "nadam" when parts.Length == 1 => Nadam,
            _ => throw new ArgumentException($"unknown optimizer '{text}' (valid: sgd, momentum:0.9, nesterov:0.9, adagrad, adadelta, rmsprop, adam, adamax, nadam)"),
        };
    }

    private static float CheckMu(float mu) => mu is >= 0f and < 1f
        ? mu
        : throw new ArgumentOutOfRangeException(nameof(mu), mu, "momentum μ must be in [0, 1)");

    /// <summary>
    /// Updates parameters <paramref name="w"/> from accumulated gradients <paramref name="g"/> (then zeroes them).
    /// <paramref name="etas"/> holds a per-parameter η, or is empty to use <see cref="UpdateSettings.LearningRate"/>.
    /// </summary>
    internal void Apply(Span<float> w, Span<float> g, Span<OptimizerState> state, ReadOnlySpan<LearningRate> etas, in UpdateSettings u, bool regularise)
    {
        var l1 = regularise ? u.L1 : 0f;
        var l2 = regularise ? u.L2 : 0f;
        if (Kind == OptimizerKind.Sgd && etas.IsEmpty)
        {
            // The common case, vectorised: w ← (1 − η·λ₂)·w − η/m·g (− η·λ₁·sign w).
            var eta0 = u.LearningRate;
            if (l2 != 0f)
            {
                System.Numerics.Tensors.TensorPrimitives.Multiply(w, 1f - eta0 * l2, w);
            }

            if (l1 != 0f)
            {
                for (var i = 0; i < w.Length; i++)
                {
                    w[i] -= eta0 * l1 * MathF.Sign(w[i]);
                }
            }

            System.Numerics.Tensors.TensorPrimitives.MultiplyAdd(g, -eta0 * u.Scale, w, w);
            g.Clear();
            return;
        }

        var mu = Momentum;
        var eps = Epsilon;
        var c1 = 1f - MathF.Pow(Beta1, u.Step);
        var c2 = 1f - MathF.Pow(Beta2, u.Step);
        for (var i = 0; i < w.Length; i++)
        {
            var eta = etas.IsEmpty ? u.LearningRate : etas[i].Value;
            var grad = g[i] * u.Scale + l2 * w[i] + l1 * MathF.Sign(w[i]);
            ref var s = ref state[i];
            switch (Kind)
            {
                case OptimizerKind.Sgd:
                    w[i] -= eta * grad;
                    break;
                case OptimizerKind.Momentum:
                    s.M = mu * s.M - eta * grad;
                    w[i] += s.M;
                    break;
                case OptimizerKind.Nesterov:
                    var previous = s.M;
                    s.M = mu * s.M - eta * grad;
                    w[i] += -mu * previous + (1f + mu) * s.M;
                    break;
                case OptimizerKind.Adagrad:
                    s.M += grad * grad;
                    w[i] -= eta * grad / (MathF.Sqrt(s.M) + eps);
                    break;
                case OptimizerKind.RmsProp:
                    s.M = Rho * s.M + (1f - Rho) * grad * grad;
                    w[i] -= eta * grad / (MathF.Sqrt(s.M) + eps);
                    break;
                case OptimizerKind.Adam:
                    s.M = Beta1 * s.M + (1f - Beta1) * grad;
                    s.V = Beta2 * s.V + (1f - Beta2) * grad * grad;
                    w[i] -= eta * (s.M / c1) / (MathF.Sqrt(s.V / c2) + eps);
                    break;
                case OptimizerKind.Adadelta:
                    s.M = Rho * s.M + (1f - Rho) * grad * grad;
                    var step = -MathF.Sqrt(s.V + eps) / MathF.Sqrt(s.M + eps) * grad;
                    s.V = Rho * s.V + (1f - Rho) * step * step;
                    w[i] += eta * step;
                    break;
                case OptimizerKind.AdaMax:
                    s.M = Beta1 * s.M + (1f - Beta1) * grad;
                    s.V = MathF.Max(Beta2 * s.V, MathF.Abs(grad));
                    w[i] -= eta / c1 * s.M / (s.V + eps);
                    break;
                case OptimizerKind.Nadam:
                    s.M = Beta1 * s.M + (1f - Beta1) * grad;
                    s.V = Beta2 * s.V + (1f - Beta2) * grad * grad;
                    w[i] -= eta / (MathF.Sqrt(s.V / c2) + eps) * (Beta1 * s.M / c1 + (1f - Beta1) * grad / c1);
                    break;
            }

            g[i] = 0f;
        }
    }

    /// <inheritdoc />
    public override string ToString() => Kind switch
    {
        OptimizerKind.Momentum => FormattableString.Invariant($"momentum:{Momentum}"),
        OptimizerKind.Nesterov => FormattableString.Invariant($"nesterov:{Momentum}"),
        _ => Kind.ToString().ToLowerInvariant(),
    };
}

/// <summary>The optimisers.</summary>
public enum OptimizerKind
{
    /// <summary>Plain (stochastic) gradient descent.</summary>
    Sgd,

    /// <summary>Classical momentum.</summary>
    Momentum,

    /// <summary>Nesterov accelerated gradient.</summary>
    Nesterov,

    /// <summary>Adagrad.</summary>
    Adagrad,

    /// <summary>RMSprop.</summary>
    RmsProp,

    /// <summary>Adam.</summary>
    Adam,

    /// <summary>Adadelta.</summary>
    Adadelta,

    /// <summary>AdaMax, Adam with the infinity norm.</summary>
    AdaMax,

    /// <summary>Nadam, Adam with Nesterov momentum.</summary>
    Nadam,
}
