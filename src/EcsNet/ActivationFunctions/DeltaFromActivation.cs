using System.Runtime.Intrinsics;

namespace EcsNet.ActivationFunctions;

/// <summary>
/// δ = g ⊙ f′ for a function whose derivative is a formula in a = f(z) alone (sigmoid, tanh): one vector pass with
/// a scalar tail, instead of a virtual <c>Derivative</c> call per element or several vector-library passes.
/// </summary>
internal static class DeltaFromActivation
{
    /// <summary>The formula δ(a, g), lane by lane and for one value; both must round identically.</summary>
    public interface IRule
    {
        static abstract Vector256<float> Delta(Vector256<float> a, Vector256<float> g);

        static abstract float Delta(float a, float g);
    }

    /// <summary>delta[i] = TRule.Delta(a[i], g[i]) for i &lt; n.</summary>
    public static void Apply<TRule>(ReadOnlySpan<float> a, ReadOnlySpan<float> g, Span<float> delta, int n)
        where TRule : struct, IRule
    {
        var av = a[..n];
        var gv = g[..n];
        var d = delta[..n];
        var i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            for (; i + Vector256<float>.Count <= n; i += Vector256<float>.Count)
            {
                TRule.Delta(Vector256.Create(av.Slice(i, Vector256<float>.Count)), Vector256.Create(gv.Slice(i, Vector256<float>.Count))).CopyTo(d[i..]);
            }
        }

        for (; i < n; i++)
        {
            d[i] = TRule.Delta(av[i], gv[i]);
        }
    }
}
