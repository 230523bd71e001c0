namespace EcsNet.Cli.Output;

/// <summary>Precision, recall and F1 of one class, from a confusion matrix.</summary>
/// <param name="Class">The class index.</param>
/// <param name="Name">The class name.</param>
/// <param name="Precision">Of the samples predicted as this class, the fraction that are: TP / (TP + FP); 0 when none were predicted.</param>
/// <param name="Recall">Of the samples of this class, the fraction found: TP / (TP + FN); 0 when there are none.</param>
/// <param name="F1">2PR / (P + R); 0 when both are 0.</param>
/// <param name="Support">The samples of this class.</param>
internal sealed record ClassReport(int Class, string Name, double Precision, double Recall, double F1, int Support)
{
    /// <summary>One report per class of <paramref name="confusion"/> ([truth, prediction]).</summary>
    public static ClassReport[] From(int[,] confusion, string[]? names)
    {
        var n = confusion.GetLength(0);
        var reports = new ClassReport[n];
        for (var c = 0; c < n; c++)
        {
            int truePositives = confusion[c, c], predicted = 0, actual = 0;
            for (var k = 0; k < n; k++)
            {
                predicted += confusion[k, c];
                actual += confusion[c, k];
            }

            var precision = predicted == 0 ? 0 : (double)truePositives / predicted;
            var recall = actual == 0 ? 0 : (double)truePositives / actual;
            var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            reports[c] = new ClassReport(c, names is not null && c < names.Length ? names[c] : c.ToString(System.Globalization.CultureInfo.InvariantCulture),
                precision, recall, f1, actual);
        }

        return reports;
    }

    /// <summary>The confusion matrix as rows for JSON.</summary>
    public static int[][] Rows(int[,] confusion)
        => [.. Enumerable.Range(0, confusion.GetLength(0)).Select(i => Enumerable.Range(0, confusion.GetLength(1)).Select(j => confusion[i, j]).ToArray())];
}
