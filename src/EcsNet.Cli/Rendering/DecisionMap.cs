using EcsNet.Training;

namespace EcsNet.Cli.Rendering;

/// <summary>
/// The network's output over a grid covering the Playground's square [−6, 6]², as the probability-like value p ∈ [0, 1]
/// of the positive class (a for sigmoid outputs, (a + 1)/2 for tanh-like ones). Row 0 is the top (x₂ = +6).
/// </summary>
internal sealed class DecisionMap
{
    /// <summary>Half the side of the square shown (the Playground's view).</summary>
    public const float Extent = 6f;

    private DecisionMap(int columns, int rows, float[] p)
    {
        Columns = columns;
        Rows = rows;
        P = p;
    }

    public int Columns { get; }

    public int Rows { get; }

    /// <summary>p[row * Columns + column].</summary>
    public float[] P { get; }

    public float this[int row, int column] => P[row * Columns + column];

    /// <summary>Feeds the cell centres forward as one batch.</summary>
    public static DecisionMap Compute(Network network, int columns, int rows)
    {
        var m = columns * rows;
        var inputs = new float[2 * m];
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                var i = r * columns + c;
                inputs[2 * i] = X(c, columns);
                inputs[2 * i + 1] = -X(r, rows);
            }
        }

        network.LoadBatch(inputs, [], m);
        network.Forward();
        var outputs = network.Outputs;
        var symmetric = Classification.Threshold(network.OutputLayer.Function) == 0f;
        var p = new float[m];
        for (var i = 0; i < m; i++)
        {
            p[i] = Math.Clamp(symmetric ? (outputs[i] + 1f) / 2f : outputs[i], 0f, 1f);
        }

        return new DecisionMap(columns, rows, p);
    }

    /// <summary>The coordinate of the centre of cell <paramref name="i"/> of <paramref name="n"/> along an axis.</summary>
    public static float X(int i, int n) => -Extent + (i + 0.5f) * 2 * Extent / n;

    /// <summary>The cell (0..n−1) holding coordinate <paramref name="x"/>.</summary>
    public static int Cell(float x, int n) => Math.Clamp((int)((x + Extent) / (2 * Extent) * n), 0, n - 1);

    /// <summary>The Playground's palette: orange for the negative class, white at 0.5, blue for the positive one.</summary>
    public static (int R, int G, int B) Colour(float p, float strength = 0.8f)
    {
        (int R, int G, int B) orange = (245, 147, 34), blue = (8, 119, 189);
        var t = Math.Abs(p - 0.5f) * 2 * strength;
        var target = p >= 0.5f ? blue : orange;
        return ((int)(255 + (target.R - 255) * t), (int)(255 + (target.G - 255) * t), (int)(255 + (target.B - 255) * t));
    }
}
