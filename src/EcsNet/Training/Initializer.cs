namespace EcsNet.Training;

/// <summary>How the initial weights and biases are drawn; always from a seed.</summary>
public sealed record Initializer
{
    private Initializer(InitializerKind kind, double epsilon = 0)
    {
        Kind = kind;
        Epsilon = epsilon;
    }

    /// <summary>The scheme.</summary>
    public InitializerKind Kind { get; }

    /// <summary>The half-width ε of <see cref="InitializerKind.Uniform"/>.</summary>
    public double Epsilon { get; }

    /// <summary>Weights and biases from N(0, 1), as in the decks (randn).</summary>
    public static Initializer Gaussian { get; } = new(InitializerKind.Gaussian);

    /// <summary>All zero: every hidden unit computes the same function forever (the symmetry problem).</summary>
    public static Initializer Zero { get; } = new(InitializerKind.Zero);

    /// <summary>Xavier/Glorot: U(±√(6 / (n_in + n_out))), biases 0.</summary>
    public static Initializer Xavier { get; } = new(InitializerKind.Xavier);

    /// <summary>He: N(0, 2 / n_in), biases 0; suits ReLU layers.</summary>
    public static Initializer He { get; } = new(InitializerKind.He);

    /// <summary>U(0, 1) for weights and biases: Seoul's <c>initialize_weights</c> ("randomly between 0 and 1").</summary>
    public static Initializer UnitUniform { get; } = new(InitializerKind.UnitUniform);

    /// <summary>U(−ε, ε) for weights and biases: the Unicamp deck's symmetry breaking.</summary>
    public static Initializer Uniform(double epsilon)
    {
        if (!(epsilon > 0) || double.IsInfinity(epsilon))
        {
            throw new ArgumentOutOfRangeException(nameof(epsilon), epsilon, "uniform initialisation needs a finite ε > 0");
        }

        return new(InitializerKind.Uniform, epsilon);
    }

    /// <summary>Parses <c>gaussian</c>, <c>uniform:EPS</c>, <c>uniform01</c>, <c>zero</c>, <c>xavier</c> or <c>he</c>.</summary>
    /// <exception cref="ArgumentException">The text names no scheme; the message lists the valid ones.</exception>
    public static Initializer Parse(string text)
    {
        var parts = text.Trim().ToLowerInvariant().Split(':', 2);
        switch (parts[0])
        {
            case "gaussian" or "normal" or "randn" when parts.Length == 1: return Gaussian;
            case "zero" or "zeros" when parts.Length == 1: return Zero;
            case "xavier" or "glorot" when parts.Length == 1: return Xavier;
            case "he" when parts.Length == 1: return He;
            case "uniform01" or "unit-uniform" when parts.Length == 1: return UnitUniform;
            case "uniform":
                var eps = 0.12;
                if (parts.Length == 2 && !double.TryParse(parts[1], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out eps))
                {
                    throw new ArgumentException($"init '{text}': ε must be a number, as in uniform:0.12");
                }

                return Uniform(eps);
            default:
                throw new ArgumentException($"unknown init '{text}' (valid: gaussian, uniform:EPS, uniform01, zero, xavier, he)");
        }
    }

    /// <summary>Draws one weight of a synapse between layers of sizes <paramref name="fanIn"/> and <paramref name="fanOut"/>.</summary>
    public float NextWeight(SeededRandom random, int fanIn, int fanOut) => Kind switch
    {
        InitializerKind.Gaussian => (float)random.NextGaussian(),
        InitializerKind.Uniform => (float)random.NextUniform(-Epsilon, Epsilon),
        InitializerKind.UnitUniform => (float)random.NextUniform(0, 1),
        InitializerKind.Xavier => (float)random.NextUniform(-1, 1) * MathF.Sqrt(6f / (fanIn + fanOut)),
        InitializerKind.He => (float)(random.NextGaussian() * Math.Sqrt(2.0 / fanIn)),
        _ => 0f,
    };

    /// <summary>Draws one bias.</summary>
    public float NextBias(SeededRandom random) => Kind switch
    {
        InitializerKind.Gaussian => (float)random.NextGaussian(),
        InitializerKind.Uniform => (float)random.NextUniform(-Epsilon, Epsilon),
        InitializerKind.UnitUniform => (float)random.NextUniform(0, 1),
        _ => 0f,
    };

    /// <inheritdoc />
    public override string ToString() => Kind == InitializerKind.Uniform
        ? FormattableString.Invariant($"uniform:{Epsilon}")
        : Kind == InitializerKind.UnitUniform ? "uniform01" : Kind.ToString().ToLowerInvariant();
}

/// <summary>The initialisation schemes.</summary>
public enum InitializerKind
{
    /// <summary>N(0, 1).</summary>
    Gaussian,

    /// <summary>U(−ε, ε).</summary>
    Uniform,

    /// <summary>All zero.</summary>
    Zero,

    /// <summary>Glorot uniform.</summary>
    Xavier,

    /// <summary>He normal.</summary>
    He,

    /// <summary>U(0, 1).</summary>
    UnitUniform,
}
