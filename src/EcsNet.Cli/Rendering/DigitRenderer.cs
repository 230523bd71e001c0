using System.Text;
using EcsNet.Data;
using EcsNet.Training;

namespace EcsNet.Cli.Rendering;

/// <summary>
/// Draws 28×28 grey-scale digits in the terminal, two pixel rows per character cell: with colour, '▀' with the upper
/// pixel as foreground and the lower as background grey; without colour, a shade character for the pair's mean.
/// </summary>
internal static class DigitRenderer
{
    private const int Side = 28;
    private static readonly char[] Shades = [' ', '░', '▒', '▓', '█'];

    /// <summary>MNIST centres each digit in a 20×20 box: the outer pixel rows are blank and are not drawn.</summary>
    private const int Crop = 2;

    /// <summary>The lines of one digit (12 lines of 28 cells: pixel rows 2 to 25).</summary>
    public static string[] Lines(ReadOnlySpan<float> pixels, bool colour)
    {
        var lines = new string[(Side - 2 * Crop) / 2];
        for (var row = Crop; row < Side - Crop; row += 2)
        {
            var line = new StringBuilder();
            for (var col = 0; col < Side; col++)
            {
                var top = Math.Clamp(pixels[row * Side + col], 0f, 1f);
                var bottom = Math.Clamp(pixels[(row + 1) * Side + col], 0f, 1f);
                if (colour)
                {
                    // 24-bit grey: ESC[38;2;r;g;bm foreground (upper pixel), ESC[48;2;…m background (lower pixel).
                    int t = (int)(top * 255), b = (int)(bottom * 255);
                    line.Append($"\u001b[38;2;{t};{t};{t}m\u001b[48;2;{b};{b};{b}m▀");
                }
                else
                {
                    line.Append(Shades[(int)Math.Round((top + bottom) / 2 * (Shades.Length - 1))]);
                }
            }

            if (colour)
            {
                line.Append("\u001b[0m");
            }

            lines[(row - Crop) / 2] = line.ToString();
        }

        return lines;
    }

    /// <summary>Writes the digits <paramref name="indices"/> side by side with "true → predicted" captions.</summary>
    public static void WriteRow(TextWriter writer, DataSet data, IReadOnlyList<int> indices, Evaluation eval, bool colour)
    {
        var drawn = indices.Select(i => Lines(data.Input(i), colour)).ToArray();
        var captions = indices.Select(i => $"#{i}: {eval.Truth[i]} → {eval.Predictions[i]}".PadRight(Side)).ToArray();
        writer.WriteLine(string.Join("  ", captions).TrimEnd());
        for (var line = 0; line < drawn[0].Length; line++)
        {
            writer.WriteLine(string.Join("  ", drawn.Select(d => d[line])).TrimEnd());
        }
    }
}
