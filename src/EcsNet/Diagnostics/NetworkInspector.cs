using EcsNet.ActivationFunctions;
using EcsNet.Components;
using EcsNet.Data;

namespace EcsNet.Diagnostics;

/// <summary>
/// Diagnostics written as ECS queries over a network's world: how many entities of each kind it holds, the weights,
/// biases and gradient norms per layer, and — over a data set — which units are saturated (the Seoul deck's
/// "saturation", the Unicamp deck's vanishing gradients) and which ReLUs have died.
/// </summary>
public static class NetworkInspector
{
    private const int BatchSize = 256;

    /// <summary>
    /// Inspects <paramref name="network"/>, and its neurons' activity over <paramref name="data"/> when given.
    /// With data the network's batch buffers (and the first-sample mirrors in the neurons' components) are
    /// overwritten; parameters and gradients are not touched.
    /// </summary>
    /// <param name="network">The network.</param>
    /// <param name="data">Samples to feed forward, or null for the structural part only.</param>
    /// <param name="saturationThreshold">A sigmoid or tanh unit is saturated when its mean f′(z) over the data is
    /// below this fraction of f′'s maximum (σ′ ≤ 1/4, tanh′ ≤ 1): the default 0.01 flags a sigmoid unit whose mean σ′
    /// is under 0.0025, i.e. |z| beyond about 6 for nearly every sample. A ReLU unit is dead when z ≤ 0 for every
    /// sample: f′ is then 0 throughout and no gradient ever reaches its incoming weights.</param>
    /// <exception cref="ArgumentException">The data does not fit the network or is empty, or the threshold is not in (0, 1].</exception>
    public static InspectionReport Inspect(Network network, DataSet? data = null, double saturationThreshold = 0.01)
    {
        ArgumentNullException.ThrowIfNull(network);
        if (!(saturationThreshold > 0 && saturationThreshold <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(saturationThreshold), saturationThreshold, "the saturation threshold is a fraction in (0, 1]");
        }

        data?.CheckFits(network);

        var neurons = data is null ? [] : Activity(network, data, saturationThreshold);
        return new InspectionReport(Count(network.World), Parameters(network), data?.Count ?? 0, saturationThreshold, neurons);
    }

    private static EntityCounts Count(World world) => new(
        world.Size,
        world.CountEntities(in NetworkQueries.Layers),
        world.CountEntities(in NetworkQueries.InputNeurons),
        world.CountEntities(in NetworkQueries.HiddenNeurons),
        world.CountEntities(in NetworkQueries.OutputNeurons),
        world.CountEntities(in NetworkQueries.Synapses),
        world.CountEntities(in NetworkQueries.SynapsesWithOwnRate),
        world.CountEntities(in NetworkQueries.FrozenSynapses));

    private static LayerStatistics[] Parameters(Network network)
    {
        var layers = network.Layers.Count;
        var layerOfSlot = network.LayerOfSlot;
        var weights = new StatisticsAccumulator[layers];
        var biases = new StatisticsAccumulator[layers];
        var weightGradients = new double[layers];
        var biasGradients = new double[layers];

        foreach (ref var chunk in network.World.Query(in NetworkQueries.Weights))
        {
            chunk.GetSpan<Synapse, Weight, WeightGradient>(out var synapses, out var w, out var g);
            for (var r = 0; r < chunk.Count; r++)
            {
                var l = layerOfSlot[synapses[r].Target];
                weights[l].Add(w[r].Value);
                weightGradients[l] += (double)g[r].Value * g[r].Value;
            }
        }

        foreach (ref var chunk in network.World.Query(in NetworkQueries.Biases))
        {
            chunk.GetSpan<Neuron, Bias, BiasGradient>(out var n, out var b, out var g);
            for (var r = 0; r < chunk.Count; r++)
            {
                biases[n[r].Layer].Add(b[r].Value);
                biasGradients[n[r].Layer] += (double)g[r].Value * g[r].Value;
            }
        }

        var result = new LayerStatistics[layers - 1];
        for (var l = 1; l < layers; l++)
        {
            var layer = network.Layers[l];
            result[l - 1] = new LayerStatistics(
                l, layer.Function!.Name, layer.Size, weights[l].Result, Math.Sqrt(weightGradients[l]), biases[l].Result, Math.Sqrt(biasGradients[l]));
        }

        return result;
    }

    private static NeuronActivity[] Activity(Network network, DataSet data, double threshold)
    {
        var slots = network.NeuronCount;
        var sumDerivative = new double[slots];
        var sumActivation = new double[slots];
        var minZ = new double[slots];
        var maxZ = new double[slots];
        minZ.AsSpan().Fill(double.PositiveInfinity);
        maxZ.AsSpan().Fill(double.NegativeInfinity);
        var derivative = Array.Empty<float>();
        var indices = new int[Math.Min(BatchSize, data.Count)];

        for (var start = 0; start < data.Count; start += BatchSize)
        {
            var m = Math.Min(BatchSize, data.Count - start);
            var batchIndices = indices.AsSpan(0, m);
            for (var b = 0; b < m; b++)
            {
                batchIndices[b] = start + b;
            }

            network.LoadBatch(data, batchIndices);
            network.Forward();
            var buffers = network.Batch;
            for (var l = 1; l < network.Layers.Count; l++)
            {
                var layer = network.Layers[l];
                var n = layer.Size * m;
                var z = buffers.Rows(buffers.Z, layer.FirstSlot, layer.Size);
                var a = buffers.Rows(buffers.A, layer.FirstSlot, layer.Size);
                if (derivative.Length < n)
                {
                    derivative = new float[n];
                }

                Derivative(layer.Function!, z, a, derivative.AsSpan(0, n), layer.Size, m);
                for (var j = 0; j < layer.Size; j++)
                {
                    var slot = layer.FirstSlot + j;
                    for (var b = 0; b < m; b++)
                    {
                        var i = j * m + b;
                        sumDerivative[slot] += derivative[i];
                        sumActivation[slot] += a[i];
                        minZ[slot] = Math.Min(minZ[slot], z[i]);
                        maxZ[slot] = Math.Max(maxZ[slot], z[i]);
                    }
                }
            }
        }

        var result = new List<NeuronActivity>(slots - network.InputSize);
        for (var l = 1; l < network.Layers.Count; l++)
        {
            var layer = network.Layers[l];
            var f = layer.Function!;
            for (var j = 0; j < layer.Size; j++)
            {
                var slot = layer.FirstSlot + j;
                var meanDerivative = sumDerivative[slot] / data.Count;
                var saturated = MaxDerivative(f) is { } max && meanDerivative < threshold * max;
                var dead = f is Relu && maxZ[slot] <= 0;
                result.Add(new NeuronActivity(
                    l, j, network.NeuronEntity(l, j), f.Name, meanDerivative, sumActivation[slot] / data.Count, minZ[slot], maxZ[slot], saturated, dead));
            }
        }

        return [.. result];
    }

    /// <summary>max f′ for the units that saturate (σ′(0) = 1/4, tanh′(0) = 1); null for the others.</summary>
    private static double? MaxDerivative(IActivationFunction f) => f switch
    {
        Sigmoid => 0.25,
        Tanh => 1.0,
        _ => null,
    };

    /// <summary>f′(z) per element: element-wise functions by their own derivative, softmax by its diagonal
    /// a(1 − a), anything else by its backward pass with ∂C/∂a = 1.</summary>
    private static void Derivative(IActivationFunction f, ReadOnlySpan<float> z, ReadOnlySpan<float> a, Span<float> result, int neurons, int m)
    {
        switch (f)
        {
            case ElementwiseActivationFunction e:
                for (var i = 0; i < result.Length; i++)
                {
                    result[i] = e.Derivative(z[i], a[i]);
                }

                break;
            case Softmax:
                for (var i = 0; i < result.Length; i++)
                {
                    result[i] = a[i] * (1 - a[i]);
                }

                break;
            default:
                var ones = new float[result.Length];
                ones.AsSpan().Fill(1f);
                f.Backward(z, a, ones, result, neurons, m);
                break;
        }
    }
}
