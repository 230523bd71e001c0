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

    /// <summary>Feeds the cell centres (as <paramref name="features"/>, by default the coordinates) forward as one batch.</summary>
    public static DecisionMap Compute(Network network, int columns, int rows, PlaygroundFeatures? features = null)
        => ComputeAll(network, columns, rows, features)[^1];

    /// <summary>
    /// One feed-forward pass over the grid: the map of every hidden neuron (layer by layer) and, last, the output's.
    /// A hidden neuron's activation is shown as the Playground does, scaled from its layer's range to [0, 1].
    /// </summary>
    public static IReadOnlyList<DecisionMap> ComputeAll(Network network, int columns, int rows, PlaygroundFeatures? features = null)
    {
        features ??= PlaygroundFeatures.Plain;
        var m = columns * rows;
        var n0 = features.Count;
        var inputs = new float[n0 * m];
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                var i = r * columns + c;
                features.Map(X(c, columns), -X(r, rows), inputs.AsSpan(n0 * i, n0));
            }
        }

        network.LoadBatch(inputs, [], m);
        network.Forward();
        var maps = new List<DecisionMap>();
        for (var l = 1; l < network.Layers.Count - 1; l++)
        {
            var layer = network.Layers[l];
            var name = layer.Function!.Name;
            for (var j = 0; j < layer.Size; j++)
            {
                var p = new float[m];
                for (var i = 0; i < m; i++)
                {
                    var a = network.Value(NeuronValue.Activation, l, j, i);
                    // Unbounded units (ReLU, linear) are squashed by tanh so the colour still says sign and size.
                    p[i] = name switch
                    {
                        "sigmoid" or "step" => a,
                        "tanh" or "sign" or "hardtanh" => (a + 1f) / 2f,
                        _ => (MathF.Tanh(a) + 1f) / 2f,
                    };
                }

                maps.Add(new DecisionMap(columns, rows, p));
            }
        }

        var outputs = network.Outputs;
        var symmetric = Classification.Threshold(network.OutputLayer.Function) == 0f;
        var output = new float[m];
        for (var i = 0; i < m; i++)
        {
            output[i] = Math.Clamp(symmetric ? (outputs[i] + 1f) / 2f : outputs[i], 0f, 1f);
        }

        maps.Add(new DecisionMap(columns, rows, output));
        return maps;
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
