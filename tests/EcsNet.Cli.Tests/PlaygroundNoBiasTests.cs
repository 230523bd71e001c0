using System.Globalization;
using System.Text.Json;
using System.Xml.Linq;
using EcsNet.Cli.Rendering;

namespace EcsNet.Cli.Tests;

/// <summary>
/// <c>playground --no-bias</c> trains a network without biases. Such a tanh network is an odd function,
/// f(−x) = tanh(W² tanh(W¹(−x))) = −f(x), so the decision map it draws is point-symmetric about the origin with the
/// colours swapped; a single bias anywhere breaks that. The test reads the map back from the SVG the program writes.
/// </summary>
public sealed class PlaygroundNoBiasTests : IDisposable
{
    // The SVG layout: the map is a square of side 420 at (20, 20), drawn as 120 × 120 cells of 32 colour levels.
    private const double Origin = 20, Cell = 420.0 / 120;
    private const int Cells = 120, Levels = 32;

    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void PlaygroundNoBiasTrainsAnOddFunction()
    {
        var (frames, map) = Run("--no-bias");

        // It trains: the cost falls frame by frame and the two Gaussian clusters are told apart.
        var costs = frames.Select(f => f.GetProperty("train_cost").GetDouble()).ToArray();
        Assert.True(costs[^1] < costs[0], string.Join(", ", costs));
        Assert.True(frames[^1].GetProperty("test_accuracy").GetDouble() > 0.9, frames[^1].ToString());
        // Odd: the level at −x is the mirror level of the one at x (±1 for the grid's float rounding at a level edge).
        Assert.Equal(0, AsymmetricCells(map));
        // The decision boundary really crosses the map, so the symmetry is not that of a constant.
        Assert.Contains(map.Cast<int>(), l => l < Levels / 2 - 2);
        Assert.Contains(map.Cast<int>(), l => l > Levels / 2 + 2);
    }

    [Fact]
    public void PlaygroundWithBiasesDrawsNoOddFunction()
    {
        // The control: the same run with biases trained is not point-symmetric, so the check above can fail.
        var (_, map) = Run();

        Assert.True(AsymmetricCells(map) > Cells, $"{AsymmetricCells(map)} asymmetric cells");
    }

    private (JsonElement[] Frames, int[,] Map) Run(params string[] extra)
    {
        var svg = _temp.File(Guid.NewGuid().ToString("N") + ".svg");
        var run = CliRunner.Run(["playground", "--dataset", "gauss", "--layers", "2,4,1", "--epochs", "40", "--every", "10", "--seed", "3",
            "--svg", svg, "--json", .. extra]);
        Assert.True(run.ExitCode == 0, run.ToString());
        var frames = run.OutLines.Select(l => JsonDocument.Parse(l).RootElement).Where(l => l.GetProperty("type").GetString() == "frame").ToArray();
        Assert.Equal(4, frames.Length);
        return (frames, Map(svg));
    }

    /// <summary>The colour level of each cell of the main map, decoded from the runs of equal colour in the SVG.</summary>
    private static int[,] Map(string path)
    {
        var level = Enumerable.Range(0, Levels).ToDictionary(k =>
        {
            var (r, g, b) = DecisionMap.Colour((float)k / (Levels - 1), 0.6f);
            return $"#{r:x2}{g:x2}{b:x2}";
        });
        var map = new int[Cells, Cells];
        var seen = new bool[Cells, Cells];
        var cells = XDocument.Load(path).Descendants().Single(e => e.Name.LocalName == "g" && (string?)e.Attribute("shape-rendering") == "crispEdges");
        foreach (var rect in cells.Elements().Where(e => e.Name.LocalName == "rect"))
        {
            double Get(string name) => double.Parse((string)rect.Attribute(name)!, CultureInfo.InvariantCulture);
            var (x, y, width) = (Get("x"), Get("y"), Get("width"));
            if (x >= Origin + Cells * Cell)
            {
                continue; // a hidden neuron's small map
            }

            var (row, column, run) = ((int)Math.Round((y - Origin) / Cell), (int)Math.Round((x - Origin) / Cell), (int)Math.Round((width - 0.3) / Cell));
            for (var c = column; c < column + run; c++)
            {
                map[row, c] = level[(string)rect.Attribute("fill")!];
                seen[row, c] = true;
            }
        }

        Assert.All(seen.Cast<bool>(), Assert.True);
        return map;
    }

    private static int AsymmetricCells(int[,] map)
    {
        var count = 0;
        for (var r = 0; r < Cells; r++)
        {
            for (var c = 0; c < Cells; c++)
            {
                if (Math.Abs(map[r, c] + map[Cells - 1 - r, Cells - 1 - c] - (Levels - 1)) > 1)
                {
                    count++;
                }
            }
        }

        return count;
    }
}
