using EcsNet.Costs;

namespace EcsNet.Diagnostics;

/// <summary>
/// The built-in costs of one sample, C_x, written from their definitions in double precision for the gradient check's
/// reference pass. Any other <see cref="ICost"/> goes through <see cref="LinearizedCost"/> instead.
/// </summary>
internal static class ReferenceCost
{
    /// <summary>True when <paramref name="cost"/> is one of the built-ins evaluated here in double.</summary>
    public static bool IsExact(ICost cost) => cost is QuadraticCost or CrossEntropyCost or SoftmaxCrossEntropyCost;

    /// <summary>C_x for the output activations <paramref name="a"/> and targets <paramref name="y"/>.</summary>
    public static double Evaluate(ICost cost, ReadOnlySpan<double> a, ReadOnlySpan<double> y)
    {
        var sum = 0.0;
        switch (cost)
        {
            case QuadraticCost:
                for (var j = 0; j < a.Length; j++)
                {
                    var d = y[j] - a[j];
                    sum += d * d;
                }

                return 0.5 * sum;
            case CrossEntropyCost:
                // No clamp: the reference must see the true cost; an output at exactly 0 or 1 makes it infinite.
                for (var j = 0; j < a.Length; j++)
                {
                    sum -= y[j] * Math.Log(a[j]) + (1 - y[j]) * Math.Log(1 - a[j]);
                }

                return sum;
            case SoftmaxCrossEntropyCost:
                for (var j = 0; j < a.Length; j++)
                {
                    if (y[j] != 0)
                    {
                        sum -= y[j] * Math.Log(a[j]);
                    }
                }

                return sum;
            default:
                throw new ArgumentException($"'{cost.Name}' has no double-precision reference; linearise it", nameof(cost));
        }
    }
}
