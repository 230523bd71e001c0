using EcsNet.Components;
using EcsNet.Training;

namespace EcsNet.Cli.Commands;

/// <summary>
/// One round of the teaching trace on a mini-batch of m samples: the forward and backward numbers of every sample,
/// the chain-rule factors, the accumulators Δ, the gradient D used for the update (Δ/m or Δ) and the new parameters.
/// </summary>
internal static class TraceStep
{
    /// <summary>Runs one plain gradient-descent update of <paramref name="network"/> on the batch and records it.</summary>
    /// <param name="network">The network the round updates.</param>
    /// <param name="round">The round's number, for the record.</param>
    /// <param name="x">Inputs, sample-major (m × n_0).</param>
    /// <param name="y">Targets, sample-major (m × n_L).</param>
    /// <param name="m">The number of samples in the batch.</param>
    /// <param name="lr">The learning rate η.</param>
    /// <param name="gradient">Whether D is the batch's mean (Δ/m) or its sum (Δ).</param>
    public static TraceRound Run(Network network, int round, float[] x, float[] y, int m, float lr, BatchGradient gradient)
    {
        network.DiscardGradients();
        network.LoadBatch(x, y, m);
        network.Forward();
        var costSum = network.Backpropagate();
        var before = network.Synapses().OrderBy(s => s.ToLayer).ThenBy(s => s.ToIndex).ThenBy(s => s.FromLayer).ThenBy(s => s.FromIndex).ToList();
        var targets = NeuronMajor(y, m, network.OutputSize);
        var factors = ChainRule(network, before, m, targets);

        var neurons = new List<TraceNeuron>();
        for (var l = 0; l < network.Layers.Count; l++)
        {
            var layer = network.Layers[l];
            for (var j = 0; j < layer.Size; j++)
            {
                var samples = new TraceSample[m];
                for (var b = 0; b < m; b++)
                {
                    var a = network.Value(NeuronValue.Activation, l, j, b);
                    samples[b] = l == 0
                        ? new TraceSample(null, a, null, null, null, null)
                        : new TraceSample(network.Value(NeuronValue.NetInput, l, j, b), a, network.Value(NeuronValue.Delta, l, j, b),
                            factors.DcDa[l]?[j][b], factors.FPrime[l]?[j][b], factors.BackSum[l]?[j][b]);
                }

                float? bias = null, deltaSum = null;
                if (layer.HasBias)
                {
                    bias = network.GetBias(l, j);
                    deltaSum = network.World.Get<BiasGradient>(network.NeuronEntity(l, j)).Value;
                }

                var frozen = layer.HasBias && network.World.Has<Frozen>(network.NeuronEntity(l, j));
                neurons.Add(new TraceNeuron(l, j, samples, bias, deltaSum, Scaled(deltaSum, gradient, m), null, frozen));
            }
        }

        var inputGradients = InputGradients(network, before, m);
        network.ApplyGradients(Optimizer.Sgd, lr, gradient: gradient);
        var after = network.Synapses().ToDictionary(s => s.Entity, s => s.Weight);
        var synapses = before.Select(s => new TraceSynapse([s.FromLayer, s.FromIndex], [s.ToLayer, s.ToIndex], s.Weight, s.Gradient,
            Scaled(s.Gradient, gradient, m)!.Value, after[s.Entity])).ToList();
        neurons = neurons.Select(n => n.Bias is null ? n : n with { BiasNew = network.GetBias(n.Layer, n.Index) }).ToList();

        network.LoadBatch(x, y, m);
        network.Forward();
        var costAfterSum = network.Cost.Sum(network.Outputs, targets, network.OutputSize, m);
        var outputs = new float[m][];
        for (var b = 0; b < m; b++)
        {
            outputs[b] = new float[network.OutputSize];
            for (var j = 0; j < network.OutputSize; j++)
            {
                outputs[b][j] = network.Outputs[j * m + b];
            }
        }

        return new TraceRound(round, m, costSum / m, costAfterSum / m, lr, neurons, synapses, inputGradients, outputs);
    }

    private static float? Scaled(float? sum, BatchGradient gradient, int m)
        => sum is { } s ? gradient == BatchGradient.Sum ? s : s / m : null;

    private static float[] NeuronMajor(float[] sampleMajor, int m, int width)
    {
        var result = new float[sampleMajor.Length];
        for (var b = 0; b < m; b++)
        {
            for (var j = 0; j < width; j++)
            {
                result[j * m + b] = sampleMajor[b * width + j];
            }
        }

        return result;
    }

    /// <summary>
    /// ∂C/∂a_j^L of the output units, f′(z_j^l) of every unit with an element-wise activation (null for softmax, whose
    /// Jacobian mixes the units) and Σ_k w_kj δ_k over the synapses leaving each hidden unit; [layer][j][sample].
    /// </summary>
    private static (float[][]?[] DcDa, float[][]?[] FPrime, float[][]?[] BackSum) ChainRule(Network network, List<SynapseInfo> synapses, int m, float[] targets)
    {
        var count = network.Layers.Count;
        var dcda = new float[count][][];
        var fprime = new float[count][][];
        var back = new float[count][][];
        for (var l = 1; l < count; l++)
        {
            var layer = network.Layers[l];
            var n = layer.Size;
            var z = new float[n * m];
            var a = new float[n * m];
            for (var j = 0; j < n; j++)
            {
                for (var b = 0; b < m; b++)
                {
                    z[j * m + b] = network.Value(NeuronValue.NetInput, l, j, b);
                    a[j * m + b] = network.Value(NeuronValue.Activation, l, j, b);
                }
            }

            if (layer.Function!.Name != "softmax")
            {
                var ones = new float[n * m];
                Array.Fill(ones, 1f);
                var fp = new float[n * m];
                layer.Function.Backward(z, a, ones, fp, n, m);
                fprime[l] = Rows(fp, n, m);
            }

            if (l == count - 1)
            {
                var g = new float[n * m];
                network.Cost.Gradient(a, targets, g, n, m);
                dcda[l] = Rows(g, n, m);
            }
            else
            {
                var sums = new float[n][];
                for (var j = 0; j < n; j++)
                {
                    sums[j] = new float[m];
                }

                foreach (var s in synapses.Where(s => s.FromLayer == l))
                {
                    for (var b = 0; b < m; b++)
                    {
                        sums[s.FromIndex][b] += s.Weight * network.Value(NeuronValue.Delta, s.ToLayer, s.ToIndex, b);
                    }
                }

                back[l] = sums;
            }
        }

        return (dcda, fprime, back);
    }

    /// <summary>∂C/∂x_k = Σ_j w_jk δ_j over the synapses leaving input k (CENG's dx), per sample: [sample][k].</summary>
    private static float[][] InputGradients(Network network, List<SynapseInfo> synapses, int m)
    {
        var dx = new float[m][];
        for (var b = 0; b < m; b++)
        {
            dx[b] = new float[network.InputSize];
            foreach (var s in synapses.Where(s => s.FromLayer == 0))
            {
                dx[b][s.FromIndex] += s.Weight * network.Value(NeuronValue.Delta, s.ToLayer, s.ToIndex, b);
            }
        }

        return dx;
    }

    private static float[][] Rows(float[] neuronMajor, int n, int m)
    {
        var rows = new float[n][];
        for (var j = 0; j < n; j++)
        {
            rows[j] = neuronMajor.AsSpan(j * m, m).ToArray();
        }

        return rows;
    }
}

/// <summary>One round: the costs before and after the update (means over the m samples), every neuron and synapse,
/// the input gradients ∂C/∂x per sample and the outputs a^L after the update per sample.</summary>
internal sealed record TraceRound(int Step, int BatchSize, double Cost, double CostAfter, float LearningRate,
    IReadOnlyList<TraceNeuron> Neurons, IReadOnlyList<TraceSynapse> Synapses, float[][] InputGradients, float[][] OutputAfter);

/// <summary>One neuron: its per-sample numbers, b, the accumulator Δb = Σ_x δ, the gradient D used and the new b.</summary>
internal sealed record TraceNeuron(int Layer, int Index, TraceSample[] Samples, float? Bias, float? BiasDeltaSum, float? BiasGradient, float? BiasNew, bool Frozen)
{
    /// <summary>z of the first sample (the lecture's one-sample view).</summary>
    public float? Z => Samples[0].Z;

    /// <summary>a of the first sample.</summary>
    public float A => Samples[0].A;

    /// <summary>δ of the first sample.</summary>
    public float? Delta => Samples[0].Delta;
}

/// <summary>A neuron's numbers for one sample: z, a, δ = ∂C/∂z and its chain-rule factors ∂C/∂a (output units),
/// f′(z) and Σ_k w_kj δ_k (hidden units).</summary>
internal sealed record TraceSample(float? Z, float A, float? Delta, float? DcDa, float? FPrime, float? BackpropSum);

/// <summary>One synapse k → j: from [l−1, k], to [l, j], w, the accumulator Δw = Σ_x a_k δ_j, the gradient D used and
/// the updated w.</summary>
internal sealed record TraceSynapse(int[] From, int[] To, float Weight, float DeltaSum, float Gradient, float WeightNew);
