using System.Text.Json;

namespace EcsNet.Cli.Tests;

/// <summary>
/// <c>trace</c> beyond one sample and one round: the CENG sigmoid neuron through round 19, Mazur's step with frozen
/// biases, a mini-batch with its accumulators Δ and D = Δ/m, the chain-rule factors, the input gradients, random
/// networks from <c>--layers</c>, and the JSON lines.
/// </summary>
public sealed class TraceRoundsTests
{
    private static readonly string Mazur = Path.Combine(AppContext.BaseDirectory, "mazur-2-2-2.json");
    private static readonly string Ceng = Path.Combine(AppContext.BaseDirectory, "ceng-sigmoid-neuron.json");

    private static JsonElement[] Lines(params string[] args)
    {
        var run = CliRunner.Run([.. args, "--json"]);
        Assert.True(run.ExitCode == 0, run.ToString());
        return [.. run.OutLines.Select(l => JsonDocument.Parse(l).RootElement)];
    }

    private static JsonElement[] Of(JsonElement[] lines, string type) => [.. lines.Where(l => l.GetProperty("type").GetString() == type)];

    private static double Sigmoid(double z) => 1 / (1 + Math.Exp(-z));

    [Fact]
    public void CengSigmoidNeuronReaches04301InRound19()
    {
        // CENG 506: w = (2, −3), b = −3, x = (−1, −2), t = 0.43, η = 1, C = ½(a − t)²; "round 19: … 0.4301".
        var lines = Lines("trace", "--model", Ceng, "--input", "-1,-2", "--target", "0.43", "--lr", "1", "--steps", "19");

        var steps = Of(lines, "step");
        Assert.Equal(19, steps.Length);
        Assert.Equal(0.73, steps[0].GetProperty("neurons")[2].GetProperty("a").GetDouble(), 0.005);
        Assert.Equal(0.4301, steps[18].GetProperty("output_after")[0][0].GetDouble(), 0.00005);

        // The same 19 rounds recomputed here in double: w ← w − (a − t)a(1 − a)x.
        double w0 = 2, w1 = -3, b = -3;
        for (var round = 1; round <= 19; round++)
        {
            var a = Sigmoid(-w0 - 2 * w1 + b);
            var delta = (a - 0.43) * a * (1 - a);
            w0 -= -1 * delta;
            w1 -= -2 * delta;
            b -= delta;
            var synapses = steps[round - 1].GetProperty("synapses");
            Assert.Equal(w0, synapses[0].GetProperty("weight_new").GetDouble(), 1e-5);
            Assert.Equal(w1, synapses[1].GetProperty("weight_new").GetDouble(), 1e-5);
        }

        Assert.Equal(Sigmoid(-w0 - 2 * w1 + b), Of(lines, "summary")[0].GetProperty("output")[0][0].GetDouble(), 1e-5);
    }

    [Fact]
    public void CompactModePrintsOneLinePerRound()
    {
        var run = CliRunner.Run("trace", "--model", Ceng, "--input", "-1,-2", "--target", "0.43", "--lr", "1", "--steps", "19", "--compact");

        Assert.True(run.ExitCode == 0, run.ToString());
        var rows = run.OutLines.Where(l => char.IsDigit(l[0])).ToArray();
        Assert.Equal(20, rows.Length); // round 0 (the start) and rounds 1…19
        Assert.StartsWith("0  2  -3  -3  0.7310586", rows[0], StringComparison.Ordinal);
        Assert.StartsWith("3  2.1475697", rows[3], StringComparison.Ordinal); // the deck's "2.14" is 2.1476
        Assert.Contains("0.43007", rows[19], StringComparison.Ordinal);
        Assert.Contains("after round 19: a^L = (0.43007", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void FrozenBiasesGiveMazursCostAfterTheFirstRound()
    {
        var lines = Lines("trace", "--model", Mazur, "--input", "0.05,0.10", "--target", "0.01,0.99", "--lr", "0.5", "--frozen-biases");

        var step = Of(lines, "step").Single();
        // Mazur: 0.291027924 (from rounded intermediates); 0.291027774 in double precision.
        Assert.Equal(0.291027924, step.GetProperty("cost_after").GetDouble(), 2e-7);
        Assert.All(step.GetProperty("neurons").EnumerateArray().Where(n => n.GetProperty("layer").GetInt32() > 0),
            n => Assert.Equal(n.GetProperty("bias").GetDouble(), n.GetProperty("bias_new").GetDouble()));
        Assert.True(Of(lines, "start")[0].GetProperty("frozen_biases").GetBoolean());
    }

    [Fact]
    public void AMiniBatchShowsEachSamplesDeltaTheAccumulatorsAndTheirMean()
    {
        // Two samples through Mazur's network: Δ = Σ_x a_k δ_j, D = Δ/m, w ← w − ηD, each checked against the
        // per-sample numbers the trace itself reports (and those against the one-sample traces of each sample).
        var batch = Lines("trace", "--model", Mazur, "--input", "0.05,0.10", "--target", "0.01,0.99", "--input", "0.3,0.7", "--target", "0.5,0.2", "--lr", "0.5");
        var one = Of(Lines("trace", "--model", Mazur, "--input", "0.05,0.10", "--target", "0.01,0.99"), "step").Single();
        var two = Of(Lines("trace", "--model", Mazur, "--input", "0.3,0.7", "--target", "0.5,0.2"), "step").Single();

        var step = Of(batch, "step").Single();
        Assert.Equal(2, step.GetProperty("batch_size").GetInt32());
        Assert.Equal((one.GetProperty("cost").GetDouble() + two.GetProperty("cost").GetDouble()) / 2, step.GetProperty("cost").GetDouble(), 1e-7);
        var synapses = step.GetProperty("synapses").EnumerateArray().ToArray();
        for (var i = 0; i < synapses.Length; i++)
        {
            var sum = one.GetProperty("synapses")[i].GetProperty("gradient").GetDouble() + two.GetProperty("synapses")[i].GetProperty("gradient").GetDouble();
            Assert.Equal(sum, synapses[i].GetProperty("delta_sum").GetDouble(), 1e-7);
            Assert.Equal(sum / 2, synapses[i].GetProperty("gradient").GetDouble(), 1e-7);
            Assert.Equal(synapses[i].GetProperty("weight").GetDouble() - 0.5 * sum / 2, synapses[i].GetProperty("weight_new").GetDouble(), 1e-7);
        }

        var neurons = step.GetProperty("neurons").EnumerateArray().ToArray();
        for (var i = 0; i < neurons.Length; i++)
        {
            Assert.Equal(one.GetProperty("neurons")[i].GetProperty("a").GetDouble(), neurons[i].GetProperty("samples")[0].GetProperty("a").GetDouble(), 1e-7);
            Assert.Equal(two.GetProperty("neurons")[i].GetProperty("a").GetDouble(), neurons[i].GetProperty("samples")[1].GetProperty("a").GetDouble(), 1e-7);
        }

        var sumRun = Of(Lines("trace", "--model", Mazur, "--input", "0.05,0.10;0.3,0.7", "--target", "0.01,0.99;0.5,0.2", "--batch-gradient", "sum"), "step").Single();
        var first = sumRun.GetProperty("synapses")[0];
        Assert.Equal(first.GetProperty("delta_sum").GetDouble(), first.GetProperty("gradient").GetDouble());
    }

    [Fact]
    public void ChainRuleFactorsAndInputGradientsMultiplyOutToTheDeltas()
    {
        var step = Of(Lines("trace", "--model", Mazur, "--input", "0.05,0.10", "--target", "0.01,0.99"), "step").Single();
        var neurons = step.GetProperty("neurons").EnumerateArray().ToArray();
        foreach (var n in neurons.Where(n => n.GetProperty("layer").GetInt32() > 0))
        {
            var s = n.GetProperty("samples")[0];
            var a = s.GetProperty("a").GetDouble();
            Assert.Equal(a * (1 - a), s.GetProperty("f_prime").GetDouble(), 1e-7); // σ′ = σ(1 − σ)
            var other = n.GetProperty("layer").GetInt32() == 2 ? s.GetProperty("dc_da").GetDouble() : s.GetProperty("backprop_sum").GetDouble();
            Assert.Equal(other * a * (1 - a), s.GetProperty("delta").GetDouble(), 1e-7);
        }

        // ∂C/∂a^L = a − y for the quadratic cost; Mazur's ∂E/∂out_o1 = 0.74136507.
        Assert.Equal(0.74136507, neurons[4].GetProperty("samples")[0].GetProperty("dc_da").GetDouble(), 1e-6);

        // ∂C/∂x_k against a central difference of the trace's own cost.
        var dx = step.GetProperty("input_gradients")[0];
        double Cost(double x0, double x1) => Of(Lines("trace", "--model", Mazur, "--input", FormattableString.Invariant($"{x0},{x1}"), "--target", "0.01,0.99"), "step")
            .Single().GetProperty("cost").GetDouble();
        const double h = 1e-2;
        Assert.Equal((Cost(0.05 + h, 0.10) - Cost(0.05 - h, 0.10)) / (2 * h), dx[0].GetDouble(), 1e-5);
        Assert.Equal((Cost(0.05, 0.10 + h) - Cost(0.05, 0.10 - h)) / (2 * h), dx[1].GetDouble(), 1e-5);
    }

    [Fact]
    public void NumbersPrintInTheirShortestFormAndTheSignConventionIsStated()
    {
        var run = CliRunner.Run("trace", "--model", Mazur, "--input", "0.05,0.10", "--target", "0.01,0.99");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("x = (0.05, 0.1)", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("0.050000", run.Out, StringComparison.Ordinal);
        Assert.Contains("│ 0.15   │", run.Out, StringComparison.Ordinal);
        Assert.Contains("sign convention: δ_j^l = ∂C/∂z_j^l", run.Out, StringComparison.Ordinal);
        Assert.Contains("Garreta", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void ARandomNetworkFromLayersIsTracedWithoutAModelFile()
    {
        var args = new[] { "trace", "--layers", "2,3,1", "--init", "uniform:1", "--seed", "5", "--input", "1,0", "--target", "1" };
        var a = Lines(args);
        var b = Lines(args);
        var other = Lines("trace", "--layers", "2,3,1", "--init", "uniform:1", "--seed", "6", "--input", "1,0", "--target", "1");

        var step = Of(a, "step").Single();
        Assert.Equal(9, step.GetProperty("synapses").GetArrayLength());
        Assert.All(step.GetProperty("synapses").EnumerateArray(), s => Assert.InRange(s.GetProperty("weight").GetDouble(), -1, 1));
        Assert.Equal(step.GetRawText(), Of(b, "step").Single().GetRawText()); // same seed, same numbers
        Assert.NotEqual(step.GetRawText(), Of(other, "step").Single().GetRawText());

        var noBias = Of(Lines("trace", "--layers", "2,3,1", "--no-bias", "--input", "1,0", "--target", "1"), "step").Single();
        Assert.All(noBias.GetProperty("neurons").EnumerateArray(), n => Assert.Equal(JsonValueKind.Null, n.GetProperty("bias").ValueKind));
    }

    [Fact]
    public void ADataSetBatchIsTracedInStoredOrder()
    {
        var lines = Lines("trace", "--layers", "2,2,1", "--seed", "2", "--dataset", "xor", "--batch", "4");

        var inputs = Of(lines, "start")[0].GetProperty("inputs").EnumerateArray().Select(i => i.GetProperty("x").GetRawText()).ToArray();
        Assert.Equal(["[0,0]", "[0,1]", "[1,0]", "[1,1]"], inputs);
        Assert.Equal(4, Of(lines, "step")[0].GetProperty("batch_size").GetInt32());
    }

    [Fact]
    public void EveryJsonLineStartsWithItsType()
    {
        var run = CliRunner.Run("trace", "--model", Mazur, "--input", "0.05,0.10", "--target", "0.01,0.99", "--steps", "3", "--json");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(5, run.OutLines.Length); // start, three steps, summary
        Assert.All(run.OutLines, l => Assert.StartsWith("{\"type\":", l, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("--steps", "0")]
    [InlineData("--batch-gradient", "median")]
    public void BadOptionsAreOneLineErrors(string option, string value)
    {
        var run = CliRunner.Run("trace", "--model", Mazur, "--input", "0.05,0.10", "--target", "0.01,0.99", option, value);

        Assert.Equal(2, run.ExitCode);
        Assert.Single(run.ErrLines);
        Assert.Contains(option, run.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void MismatchedSampleCountsAreRefused()
    {
        var run = CliRunner.Run("trace", "--model", Mazur, "--input", "0.05,0.10", "--input", "1,1", "--target", "0.01,0.99");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("one target per input", run.Err, StringComparison.Ordinal);
    }
}
