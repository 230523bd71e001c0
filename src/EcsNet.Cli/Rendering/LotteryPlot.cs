using System.Globalization;
using System.Xml.Linq;
using EcsNet.Pruning;

namespace EcsNet.Cli.Rendering;

/// <summary>
/// The <c>lottery --plot</c> picture: test accuracy (left) and epoch time (right) against the fraction of synapses
/// remaining, on a log axis that runs from the dense network on the left to the sparsest ticket on the right.
/// </summary>
internal static class LotteryPlot
{
    private const double PanelWidth = 380, PanelHeight = 260, Margin = 56;

    public static void Write(string path, IReadOnlyList<LotteryRound> rounds, string title)
    {
        var width = (2 * PanelWidth) + (3 * Margin);
        var height = PanelHeight + (2 * Margin) + 30;
        var svg = Svg.Root(width, height);
        svg.Add(Svg.Rect(0, 0, width, height, "white"));
        svg.Add(Svg.Text(Margin, 24, title, extra: "bold"));
        var accuracy = rounds.SelectMany(r => new[] { r.Ticket.BestTestAccuracy, r.Ticket.TestAccuracy }
            .Concat(r.Control is { } c ? [c.BestTestAccuracy, c.TestAccuracy] : [])).ToArray();
        var low = Math.Floor(accuracy.Min() * 20) / 20;
        var high = Math.Min(1, Math.Ceiling(accuracy.Max() * 20) / 20);
        svg.Add(Panel(Margin, Margin, "test accuracy", rounds, low, high, v => $"{v * 100:F0}%",
        [
            ("rewound, best", "#1f77b4", false, r => r.Ticket.BestTestAccuracy),
            ("rewound, end", "#1f77b4", true, r => r.Ticket.TestAccuracy),
            ("random reinit, best", "#d62728", false, r => r.Control?.BestTestAccuracy),
            ("random reinit, end", "#d62728", true, r => r.Control?.TestAccuracy),
        ]));
        var seconds = rounds.SelectMany(r => new[] { r.Ticket.EpochSeconds }.Concat(r.Control is { } c ? [c.EpochSeconds] : [])).ToArray();
        svg.Add(Panel((2 * Margin) + PanelWidth, Margin, "seconds per epoch", rounds, 0, seconds.Max() * 1.1, v => v.ToString("G3", CultureInfo.InvariantCulture),
        [
            ("rewound", "#1f77b4", false, r => r.Ticket.EpochSeconds),
            ("random reinit", "#d62728", false, r => r.Control?.EpochSeconds),
        ]));
        Svg.Save(svg, path);
    }

    private static XElement Panel(double x0, double y0, string name, IReadOnlyList<LotteryRound> rounds, double lo, double hi, Func<double, string> label,
        (string Label, string Colour, bool Dashed, Func<LotteryRound, double?> Value)[] series)
    {
        var g = new XElement(Svg.Ns + "g", new XAttribute("class", name));
        g.Add(Svg.Rect(x0, y0, PanelWidth, PanelHeight, "#fafafa", "#999"));
        g.Add(Svg.Text(x0 + (PanelWidth / 2), y0 - 8, name, "middle", "bold"));
        if (hi <= lo)
        {
            hi = lo + 1;
        }

        // log10 of the remaining fraction: 0 at the dense network, negative to the right.
        var sparsest = Math.Min(-0.1, Math.Log10(rounds.Min(r => r.Remaining)));
        double X(double remaining) => x0 + (Math.Log10(remaining) / sparsest * PanelWidth);
        double Y(double v) => y0 + PanelHeight - ((v - lo) / (hi - lo) * PanelHeight);
        for (var t = 0; t <= 4; t++)
        {
            var v = lo + ((hi - lo) * t / 4);
            g.Add(Svg.Line(x0, Y(v), x0 + PanelWidth, Y(v), "#e0e0e0"));
            g.Add(Svg.Text(x0 - 4, Y(v) + 4, label(v), "end"));
        }

        foreach (var r in rounds)
        {
            g.Add(Svg.Text(X(r.Remaining), y0 + PanelHeight + 16, (r.Remaining * 100).ToString(r.Remaining >= 0.1 ? "F0" : "F1", CultureInfo.InvariantCulture), "middle"));
        }

        g.Add(Svg.Text(x0 + (PanelWidth / 2), y0 + PanelHeight + 32, "synapses remaining (%, log scale)", "middle"));
        var legend = 0;
        foreach (var (text, colour, dashed, value) in series)
        {
            var points = rounds.Where(r => value(r) is { } v && double.IsFinite(v)).Select(r => (X(r.Remaining), Y(value(r)!.Value))).ToArray();
            if (points.Length == 0)
            {
                continue;
            }

            var line = points.Length == 1 ? Svg.Circle(points[0].Item1, points[0].Item2, 3, colour, colour) : Svg.Polyline(points, colour);
            if (dashed)
            {
                line.Add(new XAttribute("stroke-dasharray", "5,4"));
            }

            g.Add(line);
            foreach (var (px, py) in points)
            {
                g.Add(Svg.Circle(px, py, 2.5, colour, colour));
            }

            var (lx, ly) = (x0 + 10, y0 + PanelHeight - 12 - (16 * (series.Length - 1 - legend)));
            var key = Svg.Line(lx, ly, lx + 20, ly, colour, 2);
            if (dashed)
            {
                key.Add(new XAttribute("stroke-dasharray", "5,4"));
            }

            g.Add(key);
            g.Add(Svg.Text(lx + 24, ly + 4, text));
            legend++;
        }

        return g;
    }
}
