using EcsNet.ActivationFunctions;

namespace EcsNet.Diagnostics;

/// <summary>
/// The built-in activations again, written from their definitions in double precision, so the gradient check's
/// reference pass shares no arithmetic with the library's float kernels. Any other <see cref="IActivationFunction"/> goes
/// through <see cref="LinearizedLayer"/> instead.
/// </summary>
internal static class ReferenceActivationFunction
{
    /// <summary>True when <paramref name="f"/> is one of the built-ins evaluated here in double.</summary>
    public static bool IsExact(IActivationFunction f)
        => f is Sigmoid or Tanh or Relu or LeakyRelu or Linear or HardTanh or Step or Sign or Softmax;

    /// <summary>a = f(z) for one sample of one layer.</summary>
    public static void Forward(IActivationFunction f, ReadOnlySpan<double> z, Span<double> a)
    {
        switch (f)
        {
            case Sigmoid:
                for (var j = 0; j < z.Length; j++)
                {
                    a[j] = 1.0 / (1.0 + Math.Exp(-z[j]));
                }

                break;
            case Tanh:
                for (var j = 0; j < z.Length; j++)
                {
                    a[j] = Math.Tanh(z[j]);
                }

                break;
            case Relu:
                for (var j = 0; j < z.Length; j++)
                {
                    a[j] = z[j] > 0 ? z[j] : 0;
                }

                break;
            case LeakyRelu leaky:
                for (var j = 0; j < z.Length; j++)
                {
                    a[j] = z[j] > 0 ? z[j] : (double)leaky.Slope * z[j];
                }

                break;
            case Linear:
                z.CopyTo(a);
                break;
            case HardTanh:
                for (var j = 0; j < z.Length; j++)
                {
                    a[j] = Math.Clamp(z[j], -1.0, 1.0);
                }

                break;
            case Step:
                for (var j = 0; j < z.Length; j++)
                {
                    a[j] = z[j] > 0 ? 1 : 0;
                }

                break;
            case Sign:
                for (var j = 0; j < z.Length; j++)
                {
                    a[j] = z[j] > 0 ? 1 : -1;
                }

                break;
            case Softmax:
                SoftmaxForward(z, a);
                break;
            default:
                throw new ArgumentException($"'{f.Name}' has no double-precision reference; linearise it", nameof(f));
        }
    }

    private static void SoftmaxForward(ReadOnlySpan<double> z, Span<double> a)
    {
        // e^{z − max} keeps the exponentials finite and leaves the quotient unchanged.
        var max = double.NegativeInfinity;
        foreach (var v in z)
        {
            max = Math.Max(max, v);
        }

        var sum = 0.0;
        for (var j = 0; j < z.Length; j++)
        {
            a[j] = Math.Exp(z[j] - max);
            sum += a[j];
        }

        for (var j = 0; j < z.Length; j++)
        {
            a[j] /= sum;
        }
    }
}
