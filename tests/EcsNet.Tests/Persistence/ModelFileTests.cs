using EcsNet.Persistence;

namespace EcsNet.Tests.Persistence;

public class ModelFileTests
{
    // The model-file format's reference example, verbatim.
    internal const string SpecExample = """
        { "format": "ecsnet-model/1",
          "layers": [ { "size": 2 },
                      { "size": 2, "activation": "sigmoid", "bias": [0.35, 0.35], "weights": [[0.15, 0.20], [0.25, 0.30]] },
                      { "size": 2, "activation": "sigmoid", "bias": [0.60, 0.60], "weights": [[0.40, 0.45], [0.50, 0.55]] } ],
          "synapses": [ { "from": [0, 1], "to": [2, 0], "weight": 0.1 } ] }
        """;

    [Fact]
    public void ParsesTheSpecExample()
    {
        var spec = ModelFile.Parse(SpecExample);
        Assert.Equal(3, spec.Layers.Count);
        Assert.Equal(2, spec.Layers[0].Size);
        Assert.Null(spec.Layers[0].Activation);
        Assert.Null(spec.Layers[0].Weights);
        Assert.Equal("sigmoid", spec.Layers[1].Activation);
        Assert.Equal([0.35f, 0.35f], spec.Layers[1].Bias!);
        // weights[j][k] = w_jk: to neuron j from neuron k.
        Assert.Equal(0.20f, spec.Layers[1].Weights![0][1]);
        Assert.Equal(0.50f, spec.Layers[2].Weights![1][0]);
        Assert.Equal(new SynapseSpec(0, 1, 2, 0, 0.1f), Assert.Single(spec.Synapses));
    }

    [Fact]
    public void ToJsonHasAFixedReadableLayout()
    {
        string json = ModelFile.ToJson(ModelFile.Parse(SpecExample));
        Assert.Equal(
            """
            {
              "format": "ecsnet-model/1",
              "layers": [
                { "size": 2 },
                {
                  "size": 2,
                  "activation": "sigmoid",
                  "bias": [0.35, 0.35],
                  "weights": [
                    [0.15, 0.2],
                    [0.25, 0.3]
                  ]
                },
                {
                  "size": 2,
                  "activation": "sigmoid",
                  "bias": [0.6, 0.6],
                  "weights": [
                    [0.4, 0.45],
                    [0.5, 0.55]
                  ]
                }
              ],
              "synapses": [
                { "from": [0, 1], "to": [2, 0], "weight": 0.1 }
              ]
            }

            """,
            json);
    }

    [Fact]
    public void SaveLoadSaveIsByteIdentical()
    {
        string first = ModelFile.ToJson(ModelFile.Parse(SpecExample));
        string second = ModelFile.ToJson(ModelFile.Parse(first));
        Assert.Equal(first, second);
    }

    [Fact]
    public void EveryFloatSurvivesExactly()
    {
        var random = new Random(2026);
        var special = new[] { 0f, -0f, float.Epsilon, -float.Epsilon, 1e-38f, 1.1754942E-38f, float.MaxValue, float.MinValue, 3.4e38f, 0.1f, 1f / 3, 16777217f, 1e-45f, 2.5e-40f };
        var values = new List<float>(special);
        while (values.Count < 20_000)
        {
            // Random bit patterns cover every exponent, subnormals included; non-finite ones are not representable in JSON.
            float f = BitConverter.Int32BitsToSingle(random.Next() ^ (random.Next(2) << 31));
            if (float.IsFinite(f))
            {
                values.Add(f);
            }
        }
        const int width = 100;
        var spec = new ModelSpec();
        spec.Layers.Add(new LayerSpec { Size = width });
        int rows = values.Count / width;
        spec.Layers.Add(new LayerSpec
        {
            Size = rows,
            Activation = "linear",
            Bias = [.. values.Take(rows)],
            Weights = [.. Enumerable.Range(0, rows).Select(j => values.Skip(j * width).Take(width).ToArray())],
        });
        spec.Layers.Add(new LayerSpec { Size = 1, Activation = "relu" });
        spec.Synapses.Add(new SynapseSpec(0, 3, 2, 0, -0f));
        spec.Synapses.Add(new SynapseSpec(1, 0, 2, 0, float.Epsilon));

        string json = ModelFile.ToJson(spec);
        var back = ModelFile.Parse(json);
        for (int j = 0; j < rows; j++)
        {
            Assert.Equal(Bits(spec.Layers[1].Bias![j]), Bits(back.Layers[1].Bias![j]));
            for (int k = 0; k < width; k++)
            {
                Assert.Equal(Bits(spec.Layers[1].Weights![j][k]), Bits(back.Layers[1].Weights![j][k]));
            }
        }
        Assert.Equal(Bits(-0f), Bits(back.Synapses[0].Weight));
        Assert.Equal(Bits(float.Epsilon), Bits(back.Synapses[1].Weight));
        Assert.Equal(json, ModelFile.ToJson(back));
        Assert.Contains("-0", json);
        Assert.Contains("1E-45", json);
        Assert.Contains("3.4028235E+38", json);
    }

    private static int Bits(float f) => BitConverter.SingleToInt32Bits(f);

    [Fact]
    public void OptionalPartsAndMetadata()
    {
        var spec = ModelFile.Parse("""
            { "format": "ecsnet-model/1",
              "layers": [ { "size": 3 }, { "size": 1, "activation": "leaky-relu" }, { "size": 2, "activation": "softmax", "weights": [[1], [2]] } ],
              "synapses": [ { "from": [0, 2], "to": [1, 0], "weight": -1.5 }, { "from": [0, 0], "to": [2, 1], "weight": 2 } ],
              "metadata": { "cost": "cross-entropy", "classes": "a,b" } }
            """, "inline");
        Assert.Null(spec.Layers[1].Bias);
        Assert.Null(spec.Layers[1].Weights);
        Assert.Equal("cross-entropy", spec.Metadata["cost"]);
        string json = ModelFile.ToJson(spec);
        Assert.True(json.IndexOf("\"classes\"", StringComparison.Ordinal) < json.IndexOf("\"cost\"", StringComparison.Ordinal), "metadata keys are sorted");
        Assert.Equal(json, ModelFile.ToJson(ModelFile.Parse(json)));
    }

    [Fact]
    public void ToJsonValidatesTheSpec()
    {
        var spec = ModelFile.Parse(SpecExample);
        spec.Layers[2].Weights![1][0] = float.NaN;
        var e = Assert.Throws<ModelFormatException>(() => ModelFile.ToJson(spec));
        Assert.Equal("<model>: layers[2].weights[1][0]: is NaN; numbers must be finite", e.Message);
        Assert.Equal("layers[2].weights[1][0]", e.JsonPath);

        spec = ModelFile.Parse(SpecExample);
        spec.Layers[1].Activation = "gelu";
        e = Assert.Throws<ModelFormatException>(() => ModelFile.ToJson(spec));
        Assert.Contains("layers[1].activation: unknown activation 'gelu'; valid: step, sign, linear, sigmoid, tanh, hardtanh, relu, leaky-relu, softmax", e.Message);
    }

    [Fact]
    public void ALayerThatNoSynapseReachesIsRejectedByTheValidatorAsBySave()
    {
        // Parsing, validating, loading and saving apply one rule: a layer after the input needs weights or a synapse.
        const string unreached = """
            { "format": "ecsnet-model/1",
              "layers": [ { "size": 2 }, { "size": 2, "activation": "sigmoid", "weights": [[1, 2], [3, 4]] }, { "size": 1, "activation": "sigmoid" } ] }
            """;
        var e = Assert.Throws<ModelFormatException>(() => ModelFile.Parse(unreached, "inline"));
        Assert.Equal("inline: layers[2].weights: is missing and no synapse ends in this layer; give weights or synapses into it", e.Message);

        var spec = ModelFile.Parse(SpecExample);
        spec.Layers[2].Weights = null;
        spec.Synapses.Clear();
        Assert.Throws<ModelFormatException>(() => ModelFile.Validate(spec));

        using var network = NetworkModel.ToNetwork(ModelFile.Parse(SpecExample));
        foreach (var synapse in network.Synapses().Where(s => s.ToLayer == 2))
        {
            network.Disconnect(synapse.Entity);
        }

        var save = Assert.Throws<InvalidOperationException>(() => NetworkModel.ToSpec(network));
        Assert.Contains("no synapse ends in layer 2", save.Message);
    }

    [Fact]
    public void ActivationNamesMatchTheSpec() =>
        Assert.Equal(["step", "sign", "linear", "sigmoid", "tanh", "hardtanh", "relu", "leaky-relu", "softmax"], ActivationNames.All);
}
