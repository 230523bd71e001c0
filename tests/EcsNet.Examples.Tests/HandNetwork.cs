using EcsNet.Components;
using EcsNet.Data;

namespace EcsNet.Examples.Tests;

/// <summary>
/// An independent forward pass in double, from the network's parameters alone: z_j = b_j + Σ_k w_jk a_k over the
/// listed synapses, a_j = r_j f_j(z_j) with each neuron's own function and mask where it has them. It shares no code
/// with the library's passes, so the examples' networks can be checked against it.
/// </summary>
internal static class HandNetwork
{
    /// <summary>a_j^l for every layer l and neuron j, for one input; <paramref name="masks"/> false ignores every Mask.</summary>
    public static double[][] Forward(Network net, ReadOnlySpan<float> input, bool masks = true)
    {
        var layers = net.Layers;
        var a = layers.Select(l => new double[l.Size]).ToArray();
        for (var k = 0; k < input.Length; k++)
        {
            a[0][k] = input[k];
        }

        var synapses = net.Synapses();
        for (var l = 1; l < layers.Count; l++)
        {
            var z = new double[layers[l].Size];
            for (var j = 0; j < z.Length; j++)
            {
                z[j] = net.GetBias(l, j);
            }

            foreach (var s in synapses.Where(s => s.ToLayer == l))
            {
                z[s.ToIndex] += (double)s.Weight * a[s.FromLayer][s.FromIndex];
            }

            if (layers[l].Function!.Name == "softmax")
            {
                var max = z.Max();
                var e = z.Select(v => Math.Exp(v - max)).ToArray();
                for (var j = 0; j < z.Length; j++)
                {
                    a[l][j] = e[j] / e.Sum();
                }

                continue;
            }

            for (var j = 0; j < z.Length; j++)
            {
                var neuron = net.NeuronEntity(l, j);
                var name = net.World.TryGet<OwnFunction>(neuron, out var own) ? own.Function.Name : layers[l].Function!.Name;
                var r = masks && net.World.TryGet<Mask>(neuron, out var mask) ? mask.Value : 1.0;
                a[l][j] = r * F(name, z[j]);
            }
        }

        return a;
    }

    /// <summary>The element-wise functions the examples use, written out.</summary>
    public static double F(string name, double z) => name switch
    {
        "sigmoid" => 1 / (1 + Math.Exp(-z)),
        "tanh" => Math.Tanh(z),
        "linear" => z,
        _ => throw new ArgumentException($"the hand network does not know '{name}'"),
    };

    /// <summary>Σ_x −Σ_j y_j ln a_j over the loaded batch <paramref name="indices"/> of <paramref name="data"/>, from the network's outputs.</summary>
    public static double CrossEntropy(Network net, DataSet data, IReadOnlyList<int> indices)
    {
        var a = net.Outputs;
        var m = indices.Count;
        var sum = 0.0;
        for (var b = 0; b < m; b++)
        {
            var y = data.Target(indices[b]);
            for (var j = 0; j < y.Length; j++)
            {
                sum -= y[j] * Math.Log(a[j * m + b]);
            }
        }

        return sum;
    }

    /// <summary>
    /// ∂(Σ_x C_x)/∂w of <paramref name="synapse"/> by central differences on the loaded batch, moving the weight with
    /// World.Set and measuring the cost with <paramref name="cost"/> after each forward pass; the weight is restored.
    /// </summary>
    public static double Derivative(Network net, Entity synapse, Func<double> cost, float h = 1e-2f)
    {
        var w = net.World.Get<Weight>(synapse).Value;
        var (up, down) = (w + h, w - h);
        net.World.Set(synapse, new Weight { Value = up });
        net.Forward();
        var plus = cost();
        net.World.Set(synapse, new Weight { Value = down });
        net.Forward();
        var minus = cost();
        net.World.Set(synapse, new Weight { Value = w });
        return (plus - minus) / ((double)up - down);
    }

    /// <summary>Σ_k w_jk² into every neuron (layer, index) with synapses, from the synapse list.</summary>
    public static Dictionary<(int Layer, int Index), double> SquaredNorms(Network net)
    {
        var norms = new Dictionary<(int, int), double>();
        foreach (var s in net.Synapses())
        {
            norms[(s.ToLayer, s.ToIndex)] = norms.GetValueOrDefault((s.ToLayer, s.ToIndex)) + (double)s.Weight * s.Weight;
        }

        return norms;
    }
}
