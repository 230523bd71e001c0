using System.Text;
using EcsNet.Data;

namespace EcsNet.Cli.Rendering;

/// <summary>Draws a <see cref="DecisionMap"/> with the data points on it, in colour or in plain characters.</summary>
internal static class TerminalMap
{
    /// <summary>False when the user asked for no colour (NO_COLOR set, as no-color.org says) or the terminal is dumb.</summary>
    public static bool ColourAllowed() => ColourAllowed(Environment.GetEnvironmentVariable("NO_COLOR"), Environment.GetEnvironmentVariable("TERM"));

    /// <summary>The rule of <see cref="ColourAllowed()"/> for given variable values.</summary>
    public static bool ColourAllowed(string? noColor, string? term) => string.IsNullOrEmpty(noColor) && !string.Equals(term, "dumb", StringComparison.Ordinal);

    /// <summary>
    /// Pixel rows of a square map <paramref name="width"/> characters wide: terminal cells are about twice as tall as
    /// wide, so a colour cell (two pixels, one above the other) gives <paramref name="width"/> rows in width/2 lines, and
    /// a plain cell (one pixel) width/2 rows.
    /// </summary>
    public static int PixelRows(bool colour, int width) => colour ? width : Math.Max(4, width / 2);

    /// <summary>The colour value of a point: its class (0 or 1), or for a regression target t ∈ [−1, 1], (t + 1)/2.</summary>
    public static float Value(DataSet data, int i) => data.Labels is { } labels ? labels[i] : Math.Clamp((data.Target(i)[0] + 1f) / 2f, 0f, 1f);

    /// <summary>
    /// Spectre markup: each character cell is '▀' with the upper pixel as foreground and the lower as background, so a
    /// map of 2R pixel rows takes R lines; data points are saturated pixels (training points darker than test points).
    /// </summary>
    public static string Markup(DecisionMap map, DataSet train, DataSet? test)
    {
        var pixels = new (int R, int G, int B)[map.Rows * map.Columns];
        for (var i = 0; i < pixels.Length; i++)
        {
            pixels[i] = DecisionMap.Colour(map.P[i], 0.55f);
        }

        void Mark(DataSet data, float strength)
        {
            for (var i = 0; i < data.Count; i++)
            {
                var x = data.Input(i);
                var cell = DecisionMap.Cell(-x[1], map.Rows) * map.Columns + DecisionMap.Cell(x[0], map.Columns);
                pixels[cell] = DecisionMap.Colour(Value(data, i), strength);
            }
        }

        if (test is not null)
        {
            Mark(test, 0.75f);
        }

        Mark(train, 1f);
        var text = new StringBuilder();
        for (var r = 0; r + 1 < map.Rows; r += 2)
        {
            for (var c = 0; c < map.Columns; c++)
            {
                var top = pixels[r * map.Columns + c];
                var bottom = pixels[(r + 1) * map.Columns + c];
                text.Append($"[{Svg.Rgb(top.R, top.G, top.B)} on {Svg.Rgb(bottom.R, bottom.G, bottom.B)}]▀[/]");
            }

            text.Append('\n');
        }

        return text.ToString().TrimEnd('\n');
    }

    /// <summary>
    /// Plain text, one character per cell: '░' where the network says positive, ' ' where negative; training points
    /// as '+' (positive) and 'o' (negative), shown in capitals ('X', 'O') where the network gets them wrong.
    /// </summary>
    public static string Plain(DecisionMap map, DataSet train)
    {
        var cells = new char[map.Rows, map.Columns];
        for (var r = 0; r < map.Rows; r++)
        {
            for (var c = 0; c < map.Columns; c++)
            {
                cells[r, c] = map[r, c] >= 0.5f ? '░' : ' ';
            }
        }

        for (var i = 0; i < train.Count; i++)
        {
            var x = train.Input(i);
            int r = DecisionMap.Cell(-x[1], map.Rows), c = DecisionMap.Cell(x[0], map.Columns);
            var positive = Value(train, i) >= 0.5f;
            var right = (map[r, c] >= 0.5f) == positive;
            cells[r, c] = positive ? (right ? '+' : 'X') : (right ? 'o' : 'O');
        }

        var text = new StringBuilder();
        text.Append('┌').Append('─', map.Columns).Append("┐\n");
        for (var r = 0; r < map.Rows; r++)
        {
            text.Append('│');
            for (var c = 0; c < map.Columns; c++)
            {
                text.Append(cells[r, c]);
            }

            text.Append("│\n");
        }

        text.Append('└').Append('─', map.Columns).Append('┘');
        return text.ToString();
    }
}
