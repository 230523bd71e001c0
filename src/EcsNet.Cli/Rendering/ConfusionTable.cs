using System.Globalization;
using Spectre.Console;

namespace EcsNet.Cli.Rendering;

/// <summary>A confusion matrix as a table: rows are the true class, columns the predicted one; the diagonal is bold.</summary>
internal static class ConfusionTable
{
    public static Table Create(int[,] matrix, string[]? classNames)
    {
        var n = matrix.GetLength(0);
        string Name(int i) => Markup.Escape(classNames?[i] ?? i.ToString(CultureInfo.InvariantCulture));
        var table = new Table().Title("confusion matrix").AddColumn("true\\pred");
        for (var j = 0; j < n; j++)
        {
            table.AddColumn(new TableColumn(Name(j)).RightAligned());
        }

        table.AddColumn(new TableColumn("total").RightAligned());
        for (var i = 0; i < n; i++)
        {
            var cells = new List<string> { Name(i) };
            var total = 0;
            for (var j = 0; j < n; j++)
            {
                var count = matrix[i, j].ToString(CultureInfo.InvariantCulture);
                cells.Add(i == j ? $"[bold green]{count}[/]" : matrix[i, j] == 0 ? "[grey]0[/]" : count);
                total += matrix[i, j];
            }

            cells.Add(total.ToString(CultureInfo.InvariantCulture));
            table.AddRow(cells.ToArray());
        }

        return table;
    }
}
