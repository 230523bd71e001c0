using System.Globalization;

namespace EcsNet.ActivationFunctions;

/// <summary>Leaky ReLU: z for z &gt; 0, else α z; derivative 1 or α, so no unit dies. α = 0.01 unless given (CENG uses 0.1).</summary>
public sealed class LeakyRelu : ElementwiseActivationFunction
{
    /// <summary>The default slope α for z ≤ 0.</summary>
    public const float DefaultSlope = 0.01f;

    /// <summary>A leaky ReLU with slope <paramref name="slope"/> below zero.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The slope is not in [0, 1).</exception>
    public LeakyRelu(float slope = DefaultSlope)
    {
        Slope = slope is >= 0f and < 1f
            ? slope
            : throw new ArgumentOutOfRangeException(nameof(slope), slope, "the leaky-ReLU slope must be in [0, 1), as in leaky-relu:0.1");
    }

    /// <summary>The slope α for z ≤ 0.</summary>
    public float Slope { get; }

    /// <inheritdoc />
    public override string Name => Slope == DefaultSlope ? "leaky-relu" : "leaky-relu:" + Slope.ToString(CultureInfo.InvariantCulture);

    /// <inheritdoc />
    public override float Apply(float z) => z > 0f ? z : Slope * z;

    /// <inheritdoc />
    public override float Derivative(float z, float a) => z > 0f ? 1f : Slope;

    /// <summary>Reads the slope of <c>leaky-relu:SLOPE</c>; null when <paramref name="name"/> is not of that form.</summary>
    internal static LeakyRelu? TryParse(string name)
    {
        var key = name.Trim().ToLowerInvariant();
        var colon = key.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0 || key[..colon] is not ("leaky-relu" or "leakyrelu" or "leaky_relu"))
        {
            return null;
        }

        return float.TryParse(key[(colon + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture, out var slope) && slope is >= 0f and < 1f
            ? new LeakyRelu(slope)
            : throw new ArgumentException($"activation '{name}': the slope must be a number in [0, 1), as in leaky-relu:0.1", nameof(name));
    }
}
