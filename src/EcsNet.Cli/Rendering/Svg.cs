using System.Globalization;
using System.Xml.Linq;

namespace EcsNet.Cli.Rendering;

/// <summary>Small helpers for building SVG with System.Xml.Linq.</summary>
internal static class Svg
{
    public static readonly XNamespace Ns = "http://www.w3.org/2000/svg";

    public static XElement Root(double width, double height) => new(Ns + "svg",
        new XAttribute("width", N(width)), new XAttribute("height", N(height)),
        new XAttribute("viewBox", $"0 0 {N(width)} {N(height)}"),
        new XAttribute("font-family", "sans-serif"), new XAttribute("font-size", "12"));

    public static XElement Rect(double x, double y, double w, double h, string fill, string? stroke = null)
    {
        var rect = new XElement(Ns + "rect", new XAttribute("x", N(x)), new XAttribute("y", N(y)),
            new XAttribute("width", N(w)), new XAttribute("height", N(h)), new XAttribute("fill", fill));
        if (stroke is not null)
        {
            rect.Add(new XAttribute("stroke", stroke));
        }

        return rect;
    }

    public static XElement Text(double x, double y, string text, string anchor = "start", string? extra = null, string? cls = null)
    {
        var element = new XElement(Ns + "text", new XAttribute("x", N(x)), new XAttribute("y", N(y)), new XAttribute("text-anchor", anchor), text);
        if (extra is not null)
        {
            element.Add(new XAttribute("font-weight", extra));
        }

        if (cls is not null)
        {
            element.Add(new XAttribute("class", cls));
        }

        return element;
    }

    public static XElement Line(double x1, double y1, double x2, double y2, string stroke, double width = 1) => new(Ns + "line",
        new XAttribute("x1", N(x1)), new XAttribute("y1", N(y1)), new XAttribute("x2", N(x2)), new XAttribute("y2", N(y2)),
        new XAttribute("stroke", stroke), new XAttribute("stroke-width", N(width)));

    public static XElement Polyline(IEnumerable<(double X, double Y)> points, string stroke) => new(Ns + "polyline",
        new XAttribute("points", string.Join(' ', points.Select(p => $"{N(p.X)},{N(p.Y)}"))),
        new XAttribute("fill", "none"), new XAttribute("stroke", stroke), new XAttribute("stroke-width", "2"));

    public static XElement Circle(double cx, double cy, double r, string fill, string stroke) => new(Ns + "circle",
        new XAttribute("cx", N(cx)), new XAttribute("cy", N(cy)), new XAttribute("r", N(r)),
        new XAttribute("fill", fill), new XAttribute("stroke", stroke), new XAttribute("stroke-width", "1"));

    /// <summary>Writes UTF-8 without a byte-order mark: browsers and tools that sniff for "&lt;svg" or "&lt;?xml" expect none.</summary>
    public static void Save(XElement root, string path)
    {
        var settings = new System.Xml.XmlWriterSettings { Encoding = new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false), Indent = true };
        using var writer = System.Xml.XmlWriter.Create(path, settings);
        new XDocument(new XDeclaration("1.0", "utf-8", null), root).Save(writer);
    }

    public static string N(double v) => Math.Round(v, 2).ToString(CultureInfo.InvariantCulture);

    public static string Rgb(int r, int g, int b) => $"#{r:x2}{g:x2}{b:x2}";
}
