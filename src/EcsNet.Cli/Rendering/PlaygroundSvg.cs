using EcsNet.Data;

namespace EcsNet.Cli.Rendering;

/// <summary>The <c>playground --svg</c> picture: the decision map as coloured cells, the points as circles, a caption,
/// and beside it each hidden neuron's output over the same plane, layer by layer, as the Playground draws them.</summary>
internal static class PlaygroundSvg
{
    /// <summary>Cells per side of the map drawn (finer than the terminal's).</summary>
    public const int Resolution = 120;

    private const double Size = 420, Margin = 20, LineHeight = 17;

    /// <summary>Colour steps of the map: runs of equal colour in a row become one rectangle, which keeps the file small.</summary>
    private const int Levels = 32;

    /// <summary>Side of a hidden neuron's small map.</summary>
    private const double Thumb = 96, ThumbGap = 8;

    /// <summary>A small map draws every second cell: at full resolution a cell would be under a pixel, and two dozen
    /// maps made the file 20 times larger than the main map alone.</summary>
    private const int ThumbStep = 2;

    public static void Write(string path, DecisionMap map, IReadOnlyList<DecisionMap> hidden, DataSet train, DataSet? test, IReadOnlyList<string> caption)
    {
        var columns = hidden.Count == 0 ? 0 : Math.Max(1, (int)((Size + ThumbGap) / (Thumb + ThumbGap)));
        var thumbRows = hidden.Count == 0 ? 0 : (hidden.Count + columns - 1) / columns;
        var width = Size + 2 * Margin + (hidden.Count == 0 ? 0 : columns * (Thumb + ThumbGap) + Margin);
        var top = Math.Max(Size, thumbRows * (Thumb + ThumbGap + LineHeight));
        var height = top + 2 * Margin + caption.Count * LineHeight + 4;
        var svg = Svg.Root(width, height);
        svg.Add(Svg.Rect(0, 0, width, height, "white"));
        // Crisp edges: anti-aliased neighbouring cells would show faint seams between them.
        var cells = new System.Xml.Linq.XElement(Svg.Ns + "g", new System.Xml.Linq.XAttribute("shape-rendering", "crispEdges"));
        svg.Add(cells);
        Cells(cells, map, Margin, Margin, Size, step: 1);
        for (var i = 0; i < hidden.Count; i++)
        {
            var x = Size + 2 * Margin + i % columns * (Thumb + ThumbGap);
            var y = Margin + i / columns * (Thumb + ThumbGap + LineHeight);
            svg.Add(Svg.Text(x, y + 11, $"hidden {i + 1}"));
            Cells(cells, hidden[i], x, y + LineHeight, Thumb, ThumbStep);
            svg.Add(Svg.Rect(x, y + LineHeight, Thumb, Thumb, "none", "#666"));
        }

        double Px(float x) => Margin + (x + DecisionMap.Extent) / (2 * DecisionMap.Extent) * Size;
        double Py(float y) => Margin + (DecisionMap.Extent - y) / (2 * DecisionMap.Extent) * Size;
        void Points(DataSet data, string stroke)
        {
            for (var i = 0; i < data.Count; i++)
            {
                var x = data.Input(i);
                var (red, green, blue) = DecisionMap.Colour(TerminalMap.Value(data, i), 1f);
                svg.Add(Svg.Circle(Px(x[0]), Py(x[1]), 3.5, Svg.Rgb(red, green, blue), stroke));
            }
        }

        Points(train, "white");
        if (test is not null)
        {
            Points(test, "black");
        }

        svg.Add(Svg.Rect(Margin, Margin, Size, Size, "none", "#666"));
        for (var i = 0; i < caption.Count; i++)
        {
            svg.Add(Svg.Text(Margin, top + Margin + (i + 1) * LineHeight, caption[i], extra: i == 0 ? "bold" : null));
        }

        Svg.Save(svg, path);
    }

    /// <summary>Draws every <paramref name="step"/>-th cell of <paramref name="map"/> into a square of side
    /// <paramref name="side"/> at (x, y).</summary>
    private static void Cells(System.Xml.Linq.XElement into, DecisionMap map, double x, double y, double side, int step)
    {
        int rows = map.Rows / step, columns = map.Columns / step;
        double cw = side / columns, ch = side / rows;
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns;)
            {
                var level = Level(map[r * step, c * step]);
                var end = c + 1;
                while (end < columns && Level(map[r * step, end * step]) == level)
                {
                    end++;
                }

                var (red, green, blue) = DecisionMap.Colour((float)level / (Levels - 1), 0.6f);
                into.Add(Svg.Rect(x + c * cw, y + r * ch, (end - c) * cw + 0.3, ch + 0.3, Svg.Rgb(red, green, blue)));
                c = end;
            }
        }
    }

    private static int Level(float p) => (int)MathF.Round(p * (Levels - 1));
}
