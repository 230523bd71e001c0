using System.Globalization;
using System.Xml.Linq;
using EcsNet.Training;

namespace EcsNet.Cli.Rendering;

/// <summary>The <c>--plot</c> picture: cost (left) and accuracy (right) per epoch, training and test.</summary>
internal static class SvgCurves
{
    private const double PanelWidth = 380, PanelHeight = 260, Margin = 50;

    public static void Write(string path, IReadOnlyList<EpochMetrics> epochs, string title)
    {
        var svg = Svg.Root(2 * PanelWidth + 3 * Margin, PanelHeight + 2 * Margin + 20);
        svg.Add(Svg.Rect(0, 0, 2 * PanelWidth + 3 * Margin, PanelHeight + 2 * Margin + 20, "white"));
        svg.Add(Svg.Text(Margin, 24, title, extra: "bold"));
        svg.Add(Panel(Margin, Margin, "cost", epochs,
            [("training", "#1f77b4", e => e.Cost), ("test", "#ff7f0e", e => e.TestCost), ("validation", "#2ca02c", e => e.ValidationCost)], fixedRange: false));
        svg.Add(Panel(2 * Margin + PanelWidth, Margin, "accuracy", epochs,
            [("training", "#1f77b4", e => e.TrainAccuracy), ("test", "#ff7f0e", e => e.TestAccuracy), ("validation", "#2ca02c", e => e.ValidationAccuracy)], fixedRange: true));
        Svg.Save(svg, path);
    }

    private static XElement Panel(double x0, double y0, string name, IReadOnlyList<EpochMetrics> epochs,
        (string Label, string Colour, Func<EpochMetrics, double?> Value)[] series, bool fixedRange)
    {
        var g = new XElement(Svg.Ns + "g", new XAttribute("class", name));
        g.Add(Svg.Rect(x0, y0, PanelWidth, PanelHeight, "#fafafa", "#999"));
        g.Add(Svg.Text(x0 + PanelWidth / 2, y0 - 8, name, "middle", "bold"));
        var values = series.SelectMany(s => epochs.Select(s.Value)).OfType<double>().Where(double.IsFinite).ToArray();
        double lo = 0, hi = fixedRange ? 1 : (values.Length == 0 ? 1 : values.Max());
        if (hi <= lo)
        {
            hi = lo + 1;
        }

        // The axis ends at a round tick above the largest value, so every label is a round number.
        var step = fixedRange ? 0.25 : Ticks.Step(hi - lo, 5);
        hi = fixedRange ? hi : Math.Ceiling(hi / step - 1e-9) * step;

        var n = Math.Max(1, epochs.Count);
        double X(int epoch) => x0 + (n == 1 ? PanelWidth / 2 : (epoch - 1) * PanelWidth / (n - 1));
        double Y(double v) => y0 + PanelHeight - (v - lo) / (hi - lo) * PanelHeight;
        foreach (var v in Ticks.Between(lo, hi, step))
        {
            g.Add(Svg.Line(x0, Y(v), x0 + PanelWidth, Y(v), "#e0e0e0"));
            g.Add(Svg.Text(x0 - 4, Y(v) + 4, fixedRange ? $"{v * 100:F0}%" : v.ToString("R", CultureInfo.InvariantCulture), "end", cls: "y-tick"));
        }

        var epochTicks = Ticks.Between(1, n, Ticks.Step(n - 1, 6)).Where(e => e >= 1).ToList();
        if (epochTicks.Count == 0 || epochTicks[0] > 1)
        {
            epochTicks.Insert(0, 1);
        }

        foreach (var e in epochTicks)
        {
            g.Add(Svg.Text(X((int)e), y0 + PanelHeight + 16, e.ToString(CultureInfo.InvariantCulture), "middle", cls: "x-tick"));
        }

        g.Add(Svg.Text(x0 + PanelWidth / 2, y0 + PanelHeight + 30, "epoch", "middle"));
        var legend = 0;
        foreach (var (label, colour, value) in series)
        {
            var points = epochs.Where(e => value(e) is { } v && double.IsFinite(v)).Select(e => (X(e.Epoch), Y(value(e)!.Value))).ToArray();
            if (points.Length == 0)
            {
                continue;
            }

            g.Add(points.Length == 1 ? Svg.Circle(points[0].Item1, points[0].Item2, 3, colour, colour) : Svg.Polyline(points, colour));
            // Cost falls and accuracy rises: put the legend in the corner the curves leave empty.
            var (lx, ly) = fixedRange ? (x0 + PanelWidth - 110, y0 + PanelHeight - 52 + 16 * legend) : (x0 + PanelWidth - 110, y0 + 14 + 16 * legend);
            g.Add(Svg.Line(lx, ly, lx + 20, ly, colour, 2));
            g.Add(Svg.Text(lx + 24, ly + 4, label));
            legend++;
        }

        return g;
    }
}
