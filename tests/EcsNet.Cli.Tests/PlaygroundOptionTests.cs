using System.Text.Json;
using EcsNet.Cli.Rendering;
using EcsNet.Data;

namespace EcsNet.Cli.Tests;

/// <summary>The playground as in TensorFlow Playground: features, L1, regression, hidden-neuron maps, keys, plain terminals.</summary>
public sealed class PlaygroundOptionTests
{
    private static JsonElement LastFrame(params string[] args)
    {
        var run = CliRunner.Run(["playground", .. args, "--json"]);
        Assert.True(run.ExitCode == 0, run.ToString());
        var frame = JsonDocument.Parse(run.OutLines[^1]).RootElement;
        Assert.Equal("frame", frame.GetProperty("type").GetString());
        return frame;
    }

    [Fact]
    public void FeaturesAreThePlaygroundsFormulas()
    {
        var f = PlaygroundFeatures.Parse("x1^2, x2², x1x2, sin(x1), sinx2, x1");
        var v = new float[6];

        f.Map(2f, 3f, v);

        Assert.Equal([4f, 9f, 6f, MathF.Sin(2f), MathF.Sin(3f), 2f], v);
        Assert.Equal(["x1^2", "x2^2", "x1x2", "sinx1", "sinx2", "x1"], f.Names);
    }

    [Fact]
    public void SquaredFeaturesLetASingleUnitSeparateTheCircle()
    {
        // The circle is x₁² + x₂² < r²: linear in (x₁², x₂²), not in (x₁, x₂).
        var squared = LastFrame("--dataset", "circle", "--features", "x1^2,x2^2", "--layers", "2,1", "--lr", "0.1", "--epochs", "40", "--every", "40");
        var plain = LastFrame("--dataset", "circle", "--layers", "2,1", "--lr", "0.1", "--epochs", "40", "--every", "40");

        Assert.True(squared.GetProperty("test_accuracy").GetDouble() > 0.9, squared.ToString());
        Assert.True(plain.GetProperty("test_accuracy").GetDouble() < 0.8, plain.ToString());
    }

    [Fact]
    public void TheFirstLayerSizeMustBeTheFeatureCount()
    {
        var run = CliRunner.Run("playground", "--features", "x1,x2,x1x2", "--layers", "2,4,1", "--frames", "1");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("3 input features", run.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void L1ChangesTheTraining()
    {
        var none = LastFrame("--dataset", "xor2d", "--epochs", "20", "--every", "20");
        var l1 = LastFrame("--dataset", "xor2d", "--epochs", "20", "--every", "20", "--l1", "0.01");

        Assert.NotEqual(none.GetProperty("train_cost").GetDouble(), l1.GetProperty("train_cost").GetDouble());
    }

    [Fact]
    public void TheRegressionPlaneIsLearned()
    {
        // t = (x₁ + x₂)/12: a tanh unit fits it closely; a constant guess costs about E[t²]/2 ≈ 1/12.
        var frame = LastFrame("--dataset", "plane", "--noise", "0", "--layers", "2,1", "--lr", "0.05", "--epochs", "50", "--every", "50");

        Assert.True(frame.GetProperty("test_cost").GetDouble() < 0.01, frame.ToString());
        var plane = Playground.Plane(100, 0, 1);
        Assert.Null(plane.Labels);
        Assert.All(Enumerable.Range(0, 100), i => Assert.Equal((plane.Input(i)[0] + plane.Input(i)[1]) / 12f, plane.Target(i)[0], 1e-6f));
    }

    [Fact]
    public void TheSvgDrawsEveryHiddenNeuron()
    {
        using var folder = new TempFolder();
        var svg = folder.File("p.svg");

        var run = CliRunner.Run("playground", "--layers", "2,3,2,1", "--frames", "1", "--every", "2", "--svg", svg);

        Assert.True(run.ExitCode == 0, run.ToString());
        var text = File.ReadAllText(svg);
        Assert.Contains(">hidden 5<", text, StringComparison.Ordinal);
        Assert.DoesNotContain(">hidden 6<", text, StringComparison.Ordinal);

        // Each small map is a square of 96 units drawn from every second cell of the 120-cell map: 60 rows whose runs
        // of equal colour tile the row exactly (each run drawn 0.3 wider, against seams). The first sits right of the
        // main map (20 + 420 + 20) and below its label (20 + 17).
        var cells = System.Xml.Linq.XDocument.Parse(text).Descendants().Single(e => e.Name.LocalName == "g");
        double Get(System.Xml.Linq.XElement e, string name) => double.Parse((string)e.Attribute(name)!, System.Globalization.CultureInfo.InvariantCulture);
        var firstMap = cells.Elements().Where(e => Get(e, "x") >= 460 && Get(e, "x") < 460 + 96 && Get(e, "y") < 37 + 96).ToList();
        var rows = firstMap.GroupBy(e => Get(e, "y")).ToList();
        Assert.Equal(60, rows.Count);
        Assert.All(rows, row => Assert.Equal(96, row.Sum(e => Get(e, "width") - 0.3), 1e-6));
        Assert.Equal(37, rows.Min(r => r.Key), 1e-6);
    }

    [Fact]
    public void TheMapIsSquareInBothRenderings()
    {
        // A colour cell holds two pixel rows, so width W needs W rows (W/2 lines); a plain cell one, so W/2 rows.
        Assert.Equal(48, TerminalMap.PixelRows(colour: true, 48));
        Assert.Equal(24, TerminalMap.PixelRows(colour: false, 48));
    }

    [Theory]
    [InlineData(null, "xterm-256color", true)]
    [InlineData("1", "xterm-256color", false)]
    [InlineData("", "xterm", true)]
    [InlineData(null, "dumb", false)]
    public void NoColorAndDumbTerminalsGetPlainCharacters(string? noColor, string? term, bool colour)
        => Assert.Equal(colour, TerminalMap.ColourAllowed(noColor, term));

    [Fact]
    public void KeysPauseStepAndQuit()
    {
        var keys = new Queue<char?>(); // null: no key at that poll
        var controls = new PlaygroundControls(() => keys.Count > 0 ? keys.Dequeue() : null);
        var pauses = 0;

        Assert.True(controls.NextEpoch(CancellationToken.None, () => pauses++)); // running
        keys.Enqueue('s');
        Assert.True(controls.NextEpoch(CancellationToken.None, () => pauses++)); // one epoch, then paused
        Assert.True(controls.Paused);
        Assert.Equal(0, pauses);
        keys.Enqueue(null);
        keys.Enqueue(' '); // waits paused (redrawn once), then resumes
        Assert.True(controls.NextEpoch(CancellationToken.None, () => pauses++));
        Assert.False(controls.Paused);
        Assert.Equal(1, pauses);
        keys.Enqueue('q');
        Assert.False(controls.NextEpoch(CancellationToken.None, () => pauses++));
        Assert.True(controls.Quit);
    }

    [Fact]
    public void CtrlCWhilePausedStopsCleanly()
    {
        using var cancel = new CancellationTokenSource();
        var controls = new PlaygroundControls(() => null);
        controls.Handle('p');

        cancel.CancelAfter(100);
        Assert.False(controls.NextEpoch(cancel.Token, () => { }));
    }

    [Fact]
    public void ACancelledRunReportsItsEpochOnce()
    {
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();

        var run = CliRunner.Run(cancel.Token, "playground", "--frames", "3");

        Assert.Equal(130, run.ExitCode);
        Assert.Contains("interrupted after epoch 0", run.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("samples", run.Err, StringComparison.Ordinal);
    }
}
