using System.Text.Json;

namespace EcsNet.Cli.Tests;

/// <summary><c>gates --train --rule perceptron|delta --unit step|sign</c> and <c>gates --json</c>.</summary>
public sealed class GatesRuleTests
{
    private static JsonElement[] Gates(params string[] args)
    {
        var run = CliRunner.Run([.. args, "--json"]);
        Assert.True(run.ExitCode == 0, run.ToString());
        return [.. run.OutLines.Select(l => JsonDocument.Parse(l).RootElement)];
    }

    private static JsonElement Gate(JsonElement[] lines, string name) => lines.Single(l => l.GetProperty("gate").GetString() == name);

    [Fact]
    public void ThePerceptronRuleOnAndWithEta01TakesTheDecksSteps()
    {
        // Δwᵢ = η(t − o)xᵢ from w = 0 on step units (o = 1 when z ≥ 0), examples in order (0,0), (0,1), (1,0), (1,1),
        // replayed here by hand until an epoch has no error.
        var lines = Gates("gates", "--train", "--lr", "0.1");
        double w1 = 0, w2 = 0, b = 0;
        float[][] x = [[0, 0], [0, 1], [1, 0], [1, 1]];
        float[] t = [0, 0, 0, 1];
        for (var changed = true; changed;)
        {
            changed = false;
            for (var i = 0; i < 4; i++)
            {
                var o = (float)(b + w1 * x[i][0] + w2 * x[i][1]) >= 0 ? 1 : 0;
                if (o != t[i])
                {
                    changed = true;
                    b += 0.1 * (t[i] - o);
                    w1 += 0.1 * (t[i] - o) * x[i][0];
                    w2 += 0.1 * (t[i] - o) * x[i][1];
                }
            }
        }

        var and = Gate(lines, "and");
        Assert.True(and.GetProperty("learned").GetBoolean());
        Assert.Equal(w1, and.GetProperty("weights")[0].GetDouble(), 1e-6);
        Assert.Equal(w2, and.GetProperty("weights")[1].GetDouble(), 1e-6);
        Assert.Equal(b, and.GetProperty("bias").GetDouble(), 1e-6);
        Assert.False(Gate(lines, "xor").GetProperty("learned").GetBoolean());
    }

    [Fact]
    public void SignUnitsAnswerMinusOneOrPlusOne()
    {
        var lines = Gates("gates", "--train", "--unit", "sign");

        var or = Gate(lines, "or");
        Assert.Equal("sign", or.GetProperty("unit").GetString());
        Assert.Equal([-1.0, 1, 1, 1], or.GetProperty("output").EnumerateArray().Select(v => v.GetDouble()));
        Assert.True(or.GetProperty("learned").GetBoolean());
    }

    [Fact]
    public void TheDeltaRuleFitsTheLinearUnitByLeastSquares()
    {
        // Batch delta rule on AND with 0/1 targets tends to the least-squares fit o = −¼ + ½x₁ + ½x₂
        // (solve the normal equations of the four examples), whose step(o − ½) is AND.
        var lines = Gates("gates", "--train", "--rule", "delta", "--mode", "batch", "--lr", "0.1", "--epochs", "2000");

        var and = Gate(lines, "and");
        Assert.Equal(0.5, and.GetProperty("weights")[0].GetDouble(), 1e-3);
        Assert.Equal(0.5, and.GetProperty("weights")[1].GetDouble(), 1e-3);
        Assert.Equal(-0.25, and.GetProperty("bias").GetDouble(), 1e-3);
        Assert.True(and.GetProperty("learned").GetBoolean());
        Assert.False(Gate(lines, "xor").GetProperty("learned").GetBoolean());
    }

    [Fact]
    public void FrozenBiasesKeepTheBiasAtZeroWhileThePerceptronLearnsTheWeights()
    {
        var lines = Gates("gates", "--train", "--lr", "0.1", "--frozen-biases");

        // OR by hand with b = 0 held: epoch 1, (0,0) → z = 0, o = 0 = t; (0,1) → o = 0, t = 1: w₂ = 0.1;
        // (1,0) → z = 0, o = 0, t = 1: w₁ = 0.1; (1,1) → z = 0.2, o = 1 = t. Epoch 2 makes no error.
        var or = Gate(lines, "or");
        Assert.True(or.GetProperty("frozen_biases").GetBoolean());
        Assert.True(or.GetProperty("learned").GetBoolean());
        Assert.Equal([0.1, 0.1], or.GetProperty("weights").EnumerateArray().Select(w => Math.Round(w.GetDouble(), 6)));
        Assert.Equal(0.0, or.GetProperty("bias").GetDouble());
        // AND through the origin needs w₁ ≤ 0 and w₂ ≤ 0 (for (1,0) and (0,1)) but w₁ + w₂ > 0 (for (1,1)): impossible.
        var and = Gate(lines, "and");
        Assert.False(and.GetProperty("learned").GetBoolean());
        Assert.Equal(0.0, and.GetProperty("bias").GetDouble());
        Assert.All(lines, l => Assert.Equal(0.0, l.GetProperty("bias").GetDouble()));
    }

    [Fact]
    public void FrozenBiasesGiveTheDeltaRuleTheLeastSquaresFitThroughTheOrigin()
    {
        // Without w₀ the normal equations of AND are [[2, 1], [1, 2]] w = (1, 1): w = (⅓, ⅓), so o = (0, ⅓, ⅓, ⅔)
        // and step(o − ½) is still AND.
        var lines = Gates("gates", "--train", "--rule", "delta", "--mode", "batch", "--lr", "0.1", "--epochs", "2000", "--frozen-biases");

        var and = Gate(lines, "and");
        Assert.Equal(1 / 3.0, and.GetProperty("weights")[0].GetDouble(), 1e-4);
        Assert.Equal(1 / 3.0, and.GetProperty("weights")[1].GetDouble(), 1e-4);
        Assert.Equal(0.0, and.GetProperty("bias").GetDouble());
        Assert.True(and.GetProperty("learned").GetBoolean());
    }

    [Fact]
    public void FrozenBiasesWithoutTrainIsAUsageError()
    {
        var run = CliRunner.Run("gates", "--frozen-biases");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--frozen-biases go with --train", run.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void HandSetGatesAsJsonGiveTheDecksTruthTables()
    {
        var lines = Gates("gates");

        Assert.Equal([0, 0, 0, 1], Gate(lines, "AND").GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("output").GetInt32()));
        Assert.Equal([1, 0, 0, 1], Gate(lines, "XNOR").GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("output").GetInt32()));
        // AND at (1, 1): g(−30 + 20 + 20) = σ(10).
        Assert.Equal(1 / (1 + Math.Exp(-10)), Gate(lines, "AND").GetProperty("rows")[3].GetProperty("a").GetDouble(), 1e-6);
    }

    [Theory]
    [InlineData("--train", "--rule", "hebb")]
    [InlineData("--train", "--unit", "relu")]
    [InlineData("--train", "--mode", "batch")]
    [InlineData("--rule", "delta")]
    public void BadCombinationsAreOneLineErrors(params string[] args)
    {
        var run = CliRunner.Run(["gates", .. args]);

        Assert.Equal(2, run.ExitCode);
        Assert.Single(run.ErrLines);
    }
}
