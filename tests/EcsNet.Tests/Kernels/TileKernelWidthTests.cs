using System.Runtime.Intrinsics;
using EcsNet.ActivationFunctions;
using EcsNet.Kernels;
using EcsNet.Training;

namespace EcsNet.Tests.Kernels;

/// <summary>
/// The four-target tile kernels at each width they are instantiated for, called directly: every result against a
/// sum taken in double precision by a plain loop, and the 512-bit and 256-bit instantiations against each other.
/// Each lane sums its terms in the same order whatever the width, so the two widths must agree bit for bit.
/// </summary>
public class TileKernelWidthTests
{
    private const int Sources = 37;
    private const int FirstSource = 3;
    private const int Samples = 64;
    private const double Tolerance = 1e-5;

    // Targets out of order, so a kernel that mixed up rows would show.
    private static readonly int[] TargetSlots = [2, 0, 5, 3];

    [Fact]
    public void ForwardAtBothWidthsMatchesADoublePrecisionSum()
    {
        var (w, a, zStart) = (Random(4 * Sources, 1), Random((FirstSource + Sources) * Samples, 2), Random(6 * Samples, 3));
        var expected = (double[])[.. zStart.Select(v => (double)v)];
        for (var t = 0; t < 4; t++)
        {
            for (var b = 0; b < Samples; b++)
            {
                for (var i = 0; i < Sources; i++)
                {
                    expected[TargetSlots[t] * Samples + b] += (double)w[t * Sources + i] * a[(FirstSource + i) * Samples + b];
                }
            }
        }

        var wide = (float[])zStart.Clone();
        var narrow = (float[])zStart.Clone();
        var targets = Targets();
        for (var b = 0; b < Samples; b += 2 * Simd.Width512)
        {
            TileKernels.Forward4<Simd512, Vector512<float>>(ref w[0], ref w[Sources], ref w[2 * Sources], ref w[3 * Sources], targets, FirstSource, Sources, a, wide, Samples, b);
        }

        for (var b = 0; b < Samples; b += 2 * Simd.Width)
        {
            TileKernels.Forward4<Simd256, Vector256<float>>(ref w[0], ref w[Sources], ref w[2 * Sources], ref w[3 * Sources], targets, FirstSource, Sources, a, narrow, Samples, b);
        }

        AssertClose(expected, wide);
        Assert.Equal(wide, narrow);
    }

    [Fact]
    public void BackwardAtBothWidthsMatchesADoublePrecisionSum()
    {
        var (w, d, gStart) = (Random(4 * Sources, 4), Random(6 * Samples, 5), Random((FirstSource + Sources) * Samples, 6));
        var expected = (double[])[.. gStart.Select(v => (double)v)];
        for (var i = 0; i < Sources; i++)
        {
            for (var b = 0; b < Samples; b++)
            {
                for (var t = 0; t < 4; t++)
                {
                    expected[(FirstSource + i) * Samples + b] += (double)w[t * Sources + i] * d[TargetSlots[t] * Samples + b];
                }
            }
        }

        var wide = (float[])gStart.Clone();
        var narrow = (float[])gStart.Clone();
        var targets = Targets();
        for (var b = 0; b < Samples; b += 2 * Simd.Width512)
        {
            TileKernels.Backward4<Simd512, Vector512<float>>(ref w[0], ref w[Sources], ref w[2 * Sources], ref w[3 * Sources], targets, FirstSource, Sources, d, wide, Samples, b);
        }

        for (var b = 0; b < Samples; b += 2 * Simd.Width)
        {
            TileKernels.Backward4<Simd256, Vector256<float>>(ref w[0], ref w[Sources], ref w[2 * Sources], ref w[3 * Sources], targets, FirstSource, Sources, d, narrow, Samples, b);
        }

        AssertClose(expected, wide);
        Assert.Equal(wide, narrow);
    }

    [Fact]
    public void GradientAtBothWidthsMatchesADoublePrecisionSum()
    {
        // 64 sources: two 512-bit strips of 32, four 256-bit strips of 16; the sample-major rows are wider than that.
        const int n = 64;
        const int stride = n + 5;
        var (x, d, gStart) = (Random(Samples * stride, 7), Random(4 * Samples, 8), Random(4 * n, 9));
        var expected = (double[])[.. gStart.Select(v => (double)v)];
        for (var t = 0; t < 4; t++)
        {
            for (var k = 0; k < n; k++)
            {
                for (var b = 0; b < Samples; b++)
                {
                    expected[t * n + k] += (double)d[t * Samples + b] * x[b * stride + k];
                }
            }
        }

        var wide = (float[])gStart.Clone();
        var narrow = (float[])gStart.Clone();
        for (var k = 0; k < n; k += 2 * Simd.Width512)
        {
            TileKernels.Gradient4<Simd512, Vector512<float>>(ref wide[k], ref wide[n + k], ref wide[2 * n + k], ref wide[3 * n + k], ref d[0], ref d[Samples], ref d[2 * Samples], ref d[3 * Samples], ref x[k], stride, Samples);
        }

        for (var k = 0; k < n; k += 2 * Simd.Width)
        {
            TileKernels.Gradient4<Simd256, Vector256<float>>(ref narrow[k], ref narrow[n + k], ref narrow[2 * n + k], ref narrow[3 * n + k], ref d[0], ref d[Samples], ref d[2 * Samples], ref d[3 * Samples], ref x[k], stride, Samples);
        }

        AssertClose(expected, wide);
        Assert.Equal(wide, narrow);
    }

    /// <summary>
    /// Through the whole fast path: m = 48 gives every four-target tile a 512-bit strip of 32 samples and a 256-bit
    /// strip of 16, and 100 inputs give the gradient 64-, 32- and 16-source strips and a scalar rest. A few steps
    /// must agree with the per-synapse reference path.
    /// </summary>
    [Fact]
    public void FastPathWithBothWidthsInOneBatchAgreesWithTheReferencePath()
    {
        const int batch = 48;
        using var fast = NetworkBuilder.FullyConnected([100, 12, 4], ActivationFunction.Sigmoid, Initializer.Xavier, seed: 4);
        using var reference = NetworkBuilder.FullyConnected([100, 12, 4], ActivationFunction.Sigmoid, Initializer.Xavier, seed: 4);
        reference.PassMode = PassMode.Reference;
        var (inputs, targets) = FastPathTests.RandomBatch(fast, batch, seed: 6);
        var initial = fast.Synapses().Select(s => s.Weight).ToArray();
        for (var step = 0; step < 3; step++)
        {
            foreach (var net in new[] { fast, reference })
            {
                net.LoadBatch(inputs, targets, batch);
                net.TrainStep(Optimizer.Sgd, 0.5f);
            }
        }

        var f = fast.Synapses();
        var r = reference.Synapses();
        Assert.Equal(r.Count, f.Count);
        var worst = f.Zip(r).Max(p => Math.Abs(p.First.Weight - p.Second.Weight) / (1 + Math.Abs(p.Second.Weight)));
        Assert.True(worst <= 1e-4, $"worst relative weight difference {worst:E2}");
        var moved = f.Zip(initial).Count(p => p.First.Weight != p.Second);
        Assert.True(moved > f.Count / 2, $"only {moved} of {f.Count} weights changed: the steps did not train");
    }

    private static Int4 Targets()
    {
        var targets = default(Int4);
        for (var t = 0; t < 4; t++)
        {
            targets[t] = TargetSlots[t];
        }

        return targets;
    }

    private static float[] Random(int length, long seed)
    {
        var random = new SeededRandom(seed);
        var values = new float[length];
        for (var i = 0; i < length; i++)
        {
            values[i] = (float)random.NextUniform(-1, 1);
        }

        return values;
    }

    private static void AssertClose(double[] expected, float[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        var worst = expected.Zip(actual).Max(p => Math.Abs(p.First - p.Second) / (1 + Math.Abs(p.First)));
        Assert.True(worst <= Tolerance, $"worst relative difference from the double-precision sum {worst:E2} > {Tolerance:E0}");
    }
}
