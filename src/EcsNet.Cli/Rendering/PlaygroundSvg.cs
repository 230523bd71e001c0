using EcsNet.Data;

namespace EcsNet.Cli.Rendering;

/// <summary>The <c>playground --svg</c> picture: the decision map as coloured cells, the points as circles, a caption.</summary>
internal static class PlaygroundSvg
{
    /// <summary>Cells per side of the map drawn (finer than the terminal's).</summary>
    public const int Resolution = 120;

    private const double Size = 420, Margin = 20, LineHeight = 17;

    /// <summary>Colour steps of the map: runs of equal colour in a row become one rectangle, which keeps the file small.</summary>
    private const int Levels = 32;

    public static void Write(string path, DecisionMap map, DataSet train, DataSet? test, IReadOnlyList<string> caption)
    {
        var height = Size + 2 * Margin + caption.Count * LineHeight + 4;
        var svg = Svg.Root(Size + 2 * Margin, height);
        svg.Add(Svg.Rect(0, 0, Size + 2 * Margin, height, "white"));
        double cw = Size / map.Columns, ch = Size / map.Rows;
        // Crisp edges: anti-aliased neighbouring cells would show faint seams between them.
        var cells = new System.Xml.Linq.XElement(Svg.Ns + "g", new System.Xml.Linq.XAttribute("shape-rendering", "crispEdges"));
        svg.Add(cells);
        for (var r = 0; r < map.Rows; r++)
        {
            for (var c = 0; c < map.Columns;)
            {
                var level = Level(map[r, c]);
                var end = c + 1;
                while (end < map.Columns && Level(map[r, end]) == level)
                {
                    end++;
                }

                var (red, green, blue) = DecisionMap.Colour((float)level / (Levels - 1), 0.6f);
                cells.Add(Svg.Rect(Margin + c * cw, Margin + r * ch, (end - c) * cw + 0.3, ch + 0.3, Svg.Rgb(red, green, blue)));
                c = end;
            }
        }

        double Px(float x) => Margin + (x + DecisionMap.Extent) / (2 * DecisionMap.Extent) * Size;
        double Py(float y) => Margin + (DecisionMap.Extent - y) / (2 * DecisionMap.Extent) * Size;
        void Points(DataSet data, string stroke)
        {
            for (var i = 0; i < data.Count; i++)
            {
                var x = data.Input(i);
                var (red, green, blue) = DecisionMap.Colour(data.Labels![i] == 1 ? 1f : 0f, 1f);
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
            svg.Add(Svg.Text(Margin, Size + Margin + (i + 1) * LineHeight, caption[i], extra: i == 0 ? "bold" : null));
        }

        Svg.Save(svg, path);
    }

    private static int Level(float p) => (int)MathF.Round(p * (Levels - 1));
}
