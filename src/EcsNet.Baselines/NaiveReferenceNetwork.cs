namespace EcsNet.Baselines;

/// <summary>
/// Nielsen's algorithm as plain triple loops in double precision: the oracle the fast layouts are checked
/// against. Honours a pruning mask (pruned weights stay exactly 0). Slow by design; verification only.
/// </summary>
public sealed class NaiveReferenceNetwork
{
    private readonly int[] _sizes;
    private readonly double[][] _weights;
    private readonly double[][] _biases;
    private readonly bool[][]? _mask;

    /// <summary>Copies <paramref name="setup"/>'s parameters, widened to double.</summary>
    public NaiveReferenceNetwork(NetworkSetup setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        _sizes = (int[])setup.Sizes.Clone();
        _weights = Array.ConvertAll(setup.Weights, layer => Array.ConvertAll(layer, w => (double)w));
        _biases = Array.ConvertAll(setup.Biases, layer => Array.ConvertAll(layer, b => (double)b));
        _mask = setup.Mask;
    }

    /// <summary>One mini-batch SGD step, same contract as <see cref="DenseNetwork.TrainStep"/>.</summary>
    public void TrainStep(ReadOnlySpan<float> inputs, ReadOnlySpan<float> targets, int m, double eta)
    {
        var layers = _weights.Length;
        var gradW = Array.ConvertAll(_weights, layer => new double[layer.Length]);
        var gradB = Array.ConvertAll(_biases, layer => new double[layer.Length]);
        var a = new double[_sizes.Length][];
        var delta = new double[layers][];
        for (var s = 0; s < m; s++)
        {
            a[0] = new double[_sizes[0]];
            for (var k = 0; k < _sizes[0]; k++)
            {
                a[0][k] = inputs[(s * _sizes[0]) + k];
            }
            for (var l = 0; l < layers; l++)
            {
                int rows = _sizes[l + 1], columns = _sizes[l];
                a[l + 1] = new double[rows];
                for (var j = 0; j < rows; j++)
                {
                    var z = _biases[l][j];
                    for (var k = 0; k < columns; k++)
                    {
                        z += _weights[l][(j * columns) + k] * a[l][k];
                    }
                    a[l + 1][j] = 1.0 / (1.0 + Math.Exp(-z));
                }
            }
            var outputs = _sizes[^1];
            delta[layers - 1] = new double[outputs];
            for (var j = 0; j < outputs; j++)
            {
                var y = a[layers][j];
                delta[layers - 1][j] = (y - targets[(s * outputs) + j]) * y * (1 - y);
            }
            for (var l = layers - 1; l > 0; l--)
            {
                int rows = _sizes[l + 1], columns = _sizes[l];
                delta[l - 1] = new double[columns];
                for (var k = 0; k < columns; k++)
                {
                    var sum = 0.0;
                    for (var j = 0; j < rows; j++)
                    {
                        sum += _weights[l][(j * columns) + k] * delta[l][j];
                    }
                    delta[l - 1][k] = sum * a[l][k] * (1 - a[l][k]);
                }
            }
            for (var l = 0; l < layers; l++)
            {
                int rows = _sizes[l + 1], columns = _sizes[l];
                for (var j = 0; j < rows; j++)
                {
                    gradB[l][j] += delta[l][j];
                    for (var k = 0; k < columns; k++)
                    {
                        gradW[l][(j * columns) + k] += delta[l][j] * a[l][k];
                    }
                }
            }
        }
        for (var l = 0; l < layers; l++)
        {
            for (var i = 0; i < _weights[l].Length; i++)
            {
                if (_mask is null || _mask[l][i])
                {
                    _weights[l][i] -= eta / m * gradW[l][i];
                }
            }
            for (var j = 0; j < _biases[l].Length; j++)
            {
                _biases[l][j] -= eta / m * gradB[l][j];
            }
        }
    }

    /// <summary>A copy of weight layer <paramref name="layer"/>, <c>[j * sources + k]</c>.</summary>
    public double[] Weights(int layer) => (double[])_weights[layer].Clone();

    /// <summary>A copy of the biases of weight layer <paramref name="layer"/>.</summary>
    public double[] Biases(int layer) => (double[])_biases[layer].Clone();
}
