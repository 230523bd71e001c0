using System.Text.Json;

namespace EcsNet.Cli.Tests;

/// <summary>
/// <c>trace</c> on the 2-2-2 network of Matt Mazur's "A Step by Step Backpropagation Example" (2015): weights
/// w1…w8 = 0.15…0.55, biases 0.35 and 0.60, x = (0.05, 0.10), y = (0.01, 0.99), η = 0.5, C = Σ ½(y − a)².
/// </summary>
public sealed class TraceTests
{
    private static readonly string Model = Path.Combine(AppContext.BaseDirectory, "mazur-2-2-2.json");

    private static JsonElement Trace()
    {
        var run = CliRunner.Run("trace", "--model", Model, "--input", "0.05,0.10", "--target", "0.01,0.99", "--lr", "0.5", "--json");
        Assert.True(run.ExitCode == 0, run.ToString());
        return run.OutLines.Select(l => JsonDocument.Parse(l).RootElement).Single(l => l.GetProperty("type").GetString() == "step");
    }

    [Fact]
    public void CostAndUpdatedWeightMatchMazursPublishedNumbers()
    {
        var trace = Trace();

        // Mazur: E_total = 0.298371109; w5⁺ = 0.35891648 (w5 = w_00^2: hidden neuron 0 → output neuron 0).
        Assert.Equal(0.298371109, trace.GetProperty("cost").GetDouble(), 1e-6);
        var w5 = trace.GetProperty("synapses").EnumerateArray()
            .Single(s => s.GetProperty("from")[0].GetInt32() == 1 && s.GetProperty("from")[1].GetInt32() == 0 && s.GetProperty("to")[1].GetInt32() == 0);
        Assert.Equal(0.40, w5.GetProperty("weight").GetDouble(), 1e-6);
        Assert.Equal(0.082167041, w5.GetProperty("gradient").GetDouble(), 1e-6);
        Assert.Equal(0.35891648, w5.GetProperty("weight_new").GetDouble(), 1e-6);
        // Mazur's hidden-layer result: w1⁺ = 0.149780716.
        var w1 = trace.GetProperty("synapses").EnumerateArray()
            .Single(s => s.GetProperty("from")[0].GetInt32() == 0 && s.GetProperty("from")[1].GetInt32() == 0 && s.GetProperty("to")[1].GetInt32() == 0);
        Assert.Equal(0.149780716, w1.GetProperty("weight_new").GetDouble(), 1e-6);
    }

    [Fact]
    public void EveryNumberEqualsAnIndependentDoublePrecisionComputation()
    {
        var trace = Trace();
        var expected = Reference.Compute();

        Assert.Equal(expected.Cost, trace.GetProperty("cost").GetDouble(), 1e-6);
        Assert.Equal(expected.CostAfter, trace.GetProperty("cost_after").GetDouble(), 1e-6);
        var neurons = trace.GetProperty("neurons").EnumerateArray().ToArray();
        Assert.Equal(6, neurons.Length);
        foreach (var n in neurons)
        {
            int l = n.GetProperty("layer").GetInt32(), j = n.GetProperty("index").GetInt32();
            Assert.Equal(expected.A[l][j], n.GetProperty("a").GetDouble(), 1e-6);
            if (l == 0)
            {
                Assert.Equal(JsonValueKind.Null, n.GetProperty("z").ValueKind);
                continue;
            }

            Assert.Equal(expected.Z[l][j], n.GetProperty("z").GetDouble(), 1e-6);
            Assert.Equal(expected.Delta[l][j], n.GetProperty("delta").GetDouble(), 1e-6);
            Assert.Equal(expected.B[l], n.GetProperty("bias").GetDouble(), 1e-6);
            Assert.Equal(expected.B[l] - 0.5 * expected.Delta[l][j], n.GetProperty("bias_new").GetDouble(), 1e-6);
        }

        var synapses = trace.GetProperty("synapses").EnumerateArray().ToArray();
        Assert.Equal(8, synapses.Length);
        foreach (var s in synapses)
        {
            int l = s.GetProperty("to")[0].GetInt32(), j = s.GetProperty("to")[1].GetInt32(), k = s.GetProperty("from")[1].GetInt32();
            Assert.Equal(l - 1, s.GetProperty("from")[0].GetInt32());
            var gradient = expected.A[l - 1][k] * expected.Delta[l][j];
            Assert.Equal(expected.W[l][j, k], s.GetProperty("weight").GetDouble(), 1e-6);
            Assert.Equal(gradient, s.GetProperty("gradient").GetDouble(), 1e-6);
            Assert.Equal(expected.W[l][j, k] - 0.5 * gradient, s.GetProperty("weight_new").GetDouble(), 1e-6);
        }
    }

    [Fact]
    public void TextViewShowsTheLecturesNotation()
    {
        var run = CliRunner.Run("trace", "--model", Model, "--input", "0.05,0.10", "--target", "0.01,0.99");

        Assert.True(run.ExitCode == 0, run.ToString());
        foreach (var text in new[] { "z_j^l", "a_j^l", "δ_j^l", "∂C/∂w_jk^l", "w_00^2", "0.358916", "cost before the update C = 0.29837", "cost after the update" })
        {
            Assert.Contains(text, run.Out);
        }
    }

    /// <summary>The same pass written out by hand in double precision: σ, z = Wa + b, δ^L = (a − y)σ′, δ^l = σ′ Wᵀδ.</summary>
    private static class Reference
    {
        public static (double Cost, double CostAfter, double[][] Z, double[][] A, double[][] Delta, double[][,] W, double[] B) Compute()
        {
            double[][,] w = [new double[0, 0], new[,] { { 0.15, 0.20 }, { 0.25, 0.30 } }, new[,] { { 0.40, 0.45 }, { 0.50, 0.55 } }];
            double[] b = [0, 0.35, 0.60];
            double[] x = [0.05, 0.10], y = [0.01, 0.99];
            var (z, a) = Forward(w, b, x);
            var cost = 0.5 * ((y[0] - a[2][0]) * (y[0] - a[2][0]) + (y[1] - a[2][1]) * (y[1] - a[2][1]));
            var delta = new double[3][];
            delta[2] = [.. Enumerable.Range(0, 2).Select(j => (a[2][j] - y[j]) * a[2][j] * (1 - a[2][j]))];
            delta[1] = [.. Enumerable.Range(0, 2).Select(k => a[1][k] * (1 - a[1][k]) * (w[2][0, k] * delta[2][0] + w[2][1, k] * delta[2][1]))];
            delta[0] = [0, 0];
            var updated = w.Select(m => (double[,])m.Clone()).ToArray();
            var updatedB = new double[3][];
            for (var l = 1; l <= 2; l++)
            {
                updatedB[l] = [b[l] - 0.5 * delta[l][0], b[l] - 0.5 * delta[l][1]];
                for (var j = 0; j < 2; j++)
                {
                    for (var k = 0; k < 2; k++)
                    {
                        updated[l][j, k] -= 0.5 * a[l - 1][k] * delta[l][j];
                    }
                }
            }

            var (_, after) = Forward(updated, [0, 0, 0], x, updatedB);
            var costAfter = 0.5 * ((y[0] - after[2][0]) * (y[0] - after[2][0]) + (y[1] - after[2][1]) * (y[1] - after[2][1]));
            return (cost, costAfter, z, a, delta, w, b);
        }

        private static (double[][] Z, double[][] A) Forward(double[][,] w, double[] b, double[] x, double[][]? perNeuronBias = null)
        {
            var z = new double[3][];
            var a = new double[3][];
            z[0] = [0, 0];
            a[0] = x;
            for (var l = 1; l <= 2; l++)
            {
                z[l] = new double[2];
                a[l] = new double[2];
                for (var j = 0; j < 2; j++)
                {
                    z[l][j] = w[l][j, 0] * a[l - 1][0] + w[l][j, 1] * a[l - 1][1] + (perNeuronBias?[l][j] ?? b[l]);
                    a[l][j] = 1 / (1 + Math.Exp(-z[l][j]));
                }
            }

            return (z, a);
        }
    }
}
