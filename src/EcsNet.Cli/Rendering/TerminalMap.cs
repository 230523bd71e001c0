using System.Text;
using EcsNet.Data;

namespace EcsNet.Cli.Rendering;

/// <summary>Draws a <see cref="DecisionMap"/> with the data points on it, in colour or in plain characters.</summary>
internal static class TerminalMap
{
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
                pixels[cell] = DecisionMap.Colour(data.Labels![i] == 1 ? 1f : 0f, strength);
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
            var positive = train.Labels![i] == 1;
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
