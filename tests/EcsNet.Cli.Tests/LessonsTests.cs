using System.Text.Json;

namespace EcsNet.Cli.Tests;

/// <summary><c>ecsnet lessons</c>: every worked example of the decks, EcsNet's numbers against the published ones.</summary>
public sealed class LessonsTests
{
    private static readonly Lazy<JsonElement[]> AllLines = new(() =>
    {
        var run = CliRunner.Run("lessons", "--all", "--json");
        Assert.True(run.ExitCode == 0, run.ToString());
        return [.. run.OutLines.Select(l => JsonDocument.Parse(l).RootElement)];
    });

    private static IEnumerable<JsonElement> Of(string type, string? lesson = null) => AllLines.Value.Where(l =>
        l.GetProperty("type").GetString() == type && (lesson is null || l.GetProperty("lesson").GetString() == lesson));

    private static double Value(string lesson, string quantity)
        => Of("check", lesson).Single(c => c.GetProperty("quantity").GetString() == quantity).GetProperty("value").GetDouble();

    [Fact]
    public void EveryLessonTheIssueNamesIsThere()
    {
        var ids = AllLines.Value.Where(l => l.GetProperty("type").GetString() == "lesson").Select(l => l.GetProperty("id").GetString()!).ToArray();

        Assert.Equal(["perceptron", "gates", "sigmoid-neuron", "mazur", "utah-feedforward", "seoul-xor-cost", "zero-init", "dying-relu", "saturation"], ids);
    }

    [Fact]
    public void TheOnlyDisagreementIsTheCengsOwnRound3Misprint()
    {
        var wrong = Of("check").Where(c => !c.GetProperty("agrees").GetBoolean())
            .Select(c => $"{c.GetProperty("lesson").GetString()}: {c.GetProperty("quantity").GetString()}").ToArray();

        Assert.Equal(["sigmoid-neuron: round 3: w₀"], wrong);
    }

    [Fact]
    public void TheCengRoundsMatchThePublishedWeights()
    {
        // CENG 506: "1st round, weights: w0=2.06 w1=-2.88 w2=-3.06 function value: 0.66" … "19th round … 0.43".
        Assert.Equal(0.73, Value("sigmoid-neuron", "f before training (\"the neuron gives 0.73\")"), 0.005);
        Assert.Equal(2.06, Value("sigmoid-neuron", "round 1: w₀"), 0.005);
        Assert.Equal(-2.88, Value("sigmoid-neuron", "round 1: w₁"), 0.005);
        Assert.Equal(0.66, Value("sigmoid-neuron", "round 1: function value"), 0.005);
        Assert.Equal(-3.15, Value("sigmoid-neuron", "round 3: w₂ (the bias)"), 0.005);
        Assert.Equal(2.1476, Value("sigmoid-neuron", "round 3: w₀"), 0.00005); // not the deck's 2.14
        Assert.Equal(0.43, Value("sigmoid-neuron", "round 19: function value"), 0.005);
        Assert.Contains(Of("note", "sigmoid-neuron"), n => n.GetProperty("text").GetString()!.Contains("2.1476", StringComparison.Ordinal));
    }

    [Fact]
    public void MazursNumbersHoldToFloatPrecision()
    {
        Assert.Equal(0.298371109, Value("mazur", "E_total"), 1e-7);
        Assert.Equal(0.35891648, Value("mazur", "w5⁺"), 1e-7);
        Assert.Equal(0.149780716, Value("mazur", "w1⁺"), 1e-7);
        Assert.Equal(0.291027924, Value("mazur", "E_total after the first round (biases fixed)"), 2e-7);
    }

    [Fact]
    public void TheGateTablesAreTheDecks()
    {
        // Unicamp: AND's h_θ(1,1) = g(10) ≈ 1 and h_θ(0,1) = g(−10) ≈ 0; CENG's XNOR table 1, 0, 0, 1.
        Assert.Equal(1 / (1 + Math.Exp(-10)), Value("gates", "AND: h_θ(1, 1) = g(10)"), 1e-6);
        Assert.Equal(1 / (1 + Math.Exp(10)), Value("gates", "AND: h_θ(0, 1) = g(-10)"), 1e-9);
        Assert.Equal(1, Math.Round(Value("gates", "XNOR: a^(3)(0, 0)")));
        Assert.Equal(0, Math.Round(Value("gates", "XNOR: a^(3)(0, 1)")));
        Assert.Equal(1, Value("perceptron", "AND: o(1, 1)"));
        Assert.Equal(0, Value("perceptron", "AND: o(1, 0)"));
        Assert.Equal(1, Value("perceptron", "OR: o(0, 1)"));
    }

    [Fact]
    public void TheDecksSelfContradictionsAreExplained()
    {
        Assert.Equal(1, Value("seoul-xor-cost", "y(0, 1) = σ(a) + σ(−a)"), 1e-6);
        Assert.Equal(2, Value("seoul-xor-cost", "C = Σᵢ |yᵢ − y(xᵢ)|² over the XOR samples"), 1e-5);
        Assert.Contains(Of("note", "seoul-xor-cost"), n => n.GetProperty("text").GetString()!.Contains("constant", StringComparison.Ordinal));
        Assert.Contains(Of("note", "utah-feedforward"), n => n.GetProperty("text").GetString()!.Contains("exp(−x)/(1 + exp(−x))²", StringComparison.Ordinal));
    }

    [Fact]
    public void SymmetryDeadUnitsAndSaturationComeOutAsTheDecksSay()
    {
        Assert.Equal(0, Value("zero-init", "max |Θ_1k − Θ_jk| between hidden units after 100 updates, zero init"));
        Assert.Equal(0, Value("dying-relu", "|∂C/∂w| into the dead ReLU unit"));
        var s = 1 / (1 + Math.Exp(-10));
        Assert.Equal(s * s * (1 - s), Value("saturation", "δ = (a − y)σ′(z) at z = 10, y = 0 (quadratic)"), 1e-7);
        Assert.Equal(s, Value("saturation", "δ = a − y at z = 10, y = 0 (cross-entropy)"), 1e-6);
    }

    [Fact]
    public void TheListAndOneLessonPrintAsText()
    {
        var list = CliRunner.Run("lessons");
        var one = CliRunner.Run("lessons", "sigmoid-neuron");

        Assert.True(list.ExitCode == 0, list.ToString());
        Assert.Contains("sigmoid-neuron", list.Out, StringComparison.Ordinal);
        Assert.True(one.ExitCode == 0, one.ToString());
        Assert.Contains("✗", one.Out, StringComparison.Ordinal);
        Assert.Contains("replay: ecsnet trace", one.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnknownLessonIsAOneLineErrorListingTheValidOnes()
    {
        var run = CliRunner.Run("lessons", "backprop");

        Assert.Equal(2, run.ExitCode);
        Assert.Single(run.ErrLines);
        Assert.Contains("mazur", run.Err, StringComparison.Ordinal);
    }
}
