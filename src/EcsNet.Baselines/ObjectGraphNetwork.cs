namespace EcsNet.Baselines;

/// <summary>
/// The textbook object-oriented layout: every neuron and synapse is a heap object linked by references, and a
/// mini-batch is processed one sample at a time (forward, backward, accumulate gradients), followed by one update
/// pass — the way per-neuron libraries (Synaptic.js, many course projects) work.
/// </summary>
/// <remarks>
/// Deliberately unoptimised beyond what such code naturally is: no SIMD, no batching, but also no gratuitous
/// waste (no LINQ, no allocations per step; <c>foreach</c> over <see cref="List{T}"/> uses the struct
/// enumerator). Pruned synapses of the setup simply do not exist here, so the work scales with the synapse count.
/// </remarks>
public sealed class ObjectGraphNetwork
{
    private readonly ObjectNeuron[][] _layers;

    /// <summary>Builds the graph from <paramref name="setup"/>: one <see cref="ObjectSynapse"/> per existing connection.</summary>
    public ObjectGraphNetwork(NetworkSetup setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        var sizes = setup.Sizes;
        _layers = new ObjectNeuron[sizes.Length][];
        for (var i = 0; i < sizes.Length; i++)
        {
            _layers[i] = new ObjectNeuron[sizes[i]];
            for (var n = 0; n < sizes[i]; n++)
            {
                _layers[i][n] = new ObjectNeuron(n);
            }
        }
        for (var l = 0; l < setup.LayerCount; l++)
        {
            ObjectNeuron[] sources = _layers[l], targets = _layers[l + 1];
            for (var j = 0; j < targets.Length; j++)
            {
                var to = targets[j];
                to.Bias = setup.Biases[l][j];
                for (var k = 0; k < sources.Length; k++)
                {
                    if (setup.IsConnected(l, j, k))
                    {
                        var synapse = new ObjectSynapse(sources[k], to, setup.Weights[l][(j * sources.Length) + k]);
                        to.In.Add(synapse);
                        sources[k].Out.Add(synapse);
                        SynapseCount++;
                    }
                }
            }
        }
    }

    /// <summary>Neurons by layer, input layer first.</summary>
    public IReadOnlyList<ObjectNeuron[]> Layers => _layers;

    /// <summary>Number of synapse objects.</summary>
    public long SynapseCount { get; }

    /// <summary>
    /// One mini-batch SGD step; <paramref name="inputs"/> is <c>m × inputs</c>, <paramref name="targets"/>
    /// <c>m × outputs</c>, sample-major (same contract as <see cref="DenseNetwork.TrainStep"/>).
    /// </summary>
    public void TrainStep(ReadOnlySpan<float> inputs, ReadOnlySpan<float> targets, int m, float eta)
    {
        var inputLayer = _layers[0];
        var outputLayer = _layers[^1];
        for (var s = 0; s < m; s++)
        {
            var x = inputs.Slice(s * inputLayer.Length, inputLayer.Length);
            for (var k = 0; k < inputLayer.Length; k++)
            {
                inputLayer[k].A = x[k];
            }

            for (var i = 1; i < _layers.Length; i++)
            {
                foreach (var neuron in _layers[i])
                {
                    var z = neuron.Bias;
                    foreach (var synapse in neuron.In)
                    {
                        z += synapse.W * synapse.From.A;
                    }
                    neuron.Z = z;
                    neuron.A = Sigmoid(z);
                }
            }

            var y = targets.Slice(s * outputLayer.Length, outputLayer.Length);
            for (var j = 0; j < outputLayer.Length; j++)
            {
                var neuron = outputLayer[j];
                neuron.Delta = (neuron.A - y[j]) * SigmoidPrime(neuron.Z);
            }
            for (var i = _layers.Length - 2; i >= 1; i--)
            {
                foreach (var neuron in _layers[i])
                {
                    var sum = 0f;
                    foreach (var synapse in neuron.Out)
                    {
                        sum += synapse.W * synapse.To.Delta;
                    }
                    neuron.Delta = sum * SigmoidPrime(neuron.Z);
                }
            }

            for (var i = 1; i < _layers.Length; i++)
            {
                foreach (var neuron in _layers[i])
                {
                    neuron.BiasGradient += neuron.Delta;
                    foreach (var synapse in neuron.In)
                    {
                        synapse.Gradient += neuron.Delta * synapse.From.A;
                    }
                }
            }
        }

        var rate = eta / m;
        for (var i = 1; i < _layers.Length; i++)
        {
            foreach (var neuron in _layers[i])
            {
                neuron.Bias -= rate * neuron.BiasGradient;
                neuron.BiasGradient = 0f;
                foreach (var synapse in neuron.In)
                {
                    synapse.W -= rate * synapse.Gradient;
                    synapse.Gradient = 0f;
                }
            }
        }
    }

    /// <summary>Weight layer <paramref name="layer"/> as a dense <c>[j * sources + k]</c> matrix (0 where pruned).</summary>
    public float[] Weights(int layer)
    {
        var sources = _layers[layer].Length;
        var result = new float[_layers[layer + 1].Length * sources];
        foreach (var neuron in _layers[layer + 1])
        {
            foreach (var synapse in neuron.In)
            {
                result[(neuron.Index * sources) + synapse.From.Index] = synapse.W;
            }
        }
        return result;
    }

    /// <summary>Biases of the neurons of layer <paramref name="layer"/> + 1.</summary>
    public float[] Biases(int layer) => Array.ConvertAll(_layers[layer + 1], neuron => neuron.Bias);

    private static float Sigmoid(float z) => 1f / (1f + MathF.Exp(-z));

    private static float SigmoidPrime(float z)
    {
        var s = Sigmoid(z);
        return s * (1f - s);
    }
}
