namespace EcsNet.Training;

/// <summary>How η changes with the epoch: constant, step decay (η·γ^⌊e/s⌋) or exponential decay (η·e^(−k·e)).</summary>
public sealed record LearningRateSchedule
{
    private LearningRateSchedule(string kind, double factor, int every)
    {
        Kind = kind;
        Factor = factor;
        Every = every;
    }

    /// <summary>"constant", "step" or "exponential".</summary>
    public string Kind { get; }

    /// <summary>γ for step decay, k for exponential decay.</summary>
    public double Factor { get; }

    /// <summary>The step length s in epochs, for step decay.</summary>
    public int Every { get; }

    /// <summary>η stays as given.</summary>
    public static LearningRateSchedule Constant { get; } = new("constant", 1, 1);

    /// <summary>η·γ^⌊epoch / every⌋.</summary>
    public static LearningRateSchedule Step(double gamma, int every)
    {
        if (!(gamma > 0 && gamma <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(gamma), gamma, "step decay γ must be in (0, 1]");
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(every);
        return new("step", gamma, every);
    }

    /// <summary>η·e^(−k·epoch).</summary>
    public static LearningRateSchedule Exponential(double k)
    {
        if (!(k >= 0) || double.IsInfinity(k))
        {
            throw new ArgumentOutOfRangeException(nameof(k), k, "exponential decay k must be a finite number ≥ 0");
        }

        return new("exponential", k, 1);
    }

    /// <summary>
    /// Parses <c>none</c>, <c>step:GAMMA:EVERY</c> (e.g. step:0.5:10) or <c>exp:K</c> (e.g. exp:0.05); a bare number K
    /// means exponential decay.
    /// </summary>
    public static LearningRateSchedule Parse(string text)
    {
        var parts = text.Trim().ToLowerInvariant().Split(':');
        static double Number(string s, string text) => double.TryParse(s, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var v)
            ? v
            : throw new ArgumentException($"lr-decay '{text}': '{s}' is not a number");
        return parts switch
        {
            ["none" or "constant"] => Constant,
            ["step", var g, var e] => Step(Number(g, text), (int)Number(e, text)),
            ["exp" or "exponential", var k] => Exponential(Number(k, text)),
            [var k] when double.TryParse(k, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _) => Exponential(Number(k, text)),
            _ => throw new ArgumentException($"unknown lr-decay '{text}' (valid: none, step:GAMMA:EVERY, exp:K)"),
        };
    }

    /// <summary>η for a 0-based <paramref name="epoch"/>, from the initial η.</summary>
    public float At(int epoch, float eta) => Kind switch
    {
        "step" => (float)(eta * Math.Pow(Factor, epoch / Every)),
        "exponential" => (float)(eta * Math.Exp(-Factor * epoch)),
        _ => eta,
    };

    /// <inheritdoc />
    public override string ToString() => Kind switch
    {
        "step" => FormattableString.Invariant($"step:{Factor}:{Every}"),
        "exponential" => FormattableString.Invariant($"exp:{Factor}"),
        _ => "none",
    };
}
