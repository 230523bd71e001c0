using System.Globalization;
using System.Text;

namespace EcsNet.Cli.Tests;

/// <summary>Small CSV files for the tests.</summary>
internal static class Csv
{
    /// <summary>Two features and a class column "class" (a or b) split by the line x + y = 0.</summary>
    public static string Separable(int rows)
    {
        var random = new Random(5);
        var text = new StringBuilder("x,y,class\n");
        for (var i = 0; i < rows; i++)
        {
            double x = random.NextDouble() * 2 - 1, y = random.NextDouble() * 2 - 1;
            text.Append(CultureInfo.InvariantCulture, $"{x:F3},{y:F3},{(x + y > 0 ? "a" : "b")}\n");
        }

        return text.ToString();
    }
}
