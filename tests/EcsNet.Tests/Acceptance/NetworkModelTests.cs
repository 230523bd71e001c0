using EcsNet.ActivationFunctions;
using EcsNet.Costs;
using EcsNet.Data;
using EcsNet.Persistence;
using EcsNet.Training;

namespace EcsNet.Tests.Acceptance;

/// <summary>Networks to and from <c>ecsnet-model/1</c>: the format's reference example, exact round trips, skip connections, pruning.</summary>
public sealed class NetworkModelTests
{
    /// <summary>The example of the format's specification: a 2-2-2 sigmoid network plus a synapse from (0, 1) to (2, 0).</summary>
    private const string FormatExample = """
        { "format": "ecsnet-model/1",
          "layers": [ { "size": 2 },
                      { "size": 2, "activation": "sigmoid", "bias": [0.35, 0.35], "weights": [[0.15, 0.20], [0.25, 0.30]] },
                      { "size": 2, "activation": "sigmoid", "bias": [0.60, 0.60], "weights": [[0.40, 0.45], [0.50, 0.55]] } ],
          "synapses": [ { "from": [0, 1], "to": [2, 0], "weight": 0.1 } ] }
        """;

    [Fact]
    public void TheFormatExampleComputesWhatTheHandComputationGives()
    {
        using var net = NetworkModel.ToNetwork(ModelFile.Parse(FormatExample, "format-example"));
        Assert.Equal(4 + 4 + 1, net.SynapseCount);

        double x1 = 0.05, x2 = 0.10;
        var h1 = Sigmoid(0.35 + 0.15 * x1 + 0.20 * x2);
        var h2 = Sigmoid(0.35 + 0.25 * x1 + 0.30 * x2);
        var o1 = Sigmoid(0.60 + 0.40 * h1 + 0.45 * h2 + 0.1 * x2); // the explicit synapse adds w·x₂ to z₁⁽²⁾
        var o2 = Sigmoid(0.60 + 0.50 * h1 + 0.55 * h2);

        var output = net.Predict([0.05f, 0.10f]).ToArray();
        Assert.Equal(h1, net.Value(NeuronValue.Activation, 1, 0), 1e-6);
        Assert.Equal(h2, net.Value(NeuronValue.Activation, 1, 1), 1e-6);
        Assert.Equal(o1, output[0], 1e-6);
        Assert.Equal(o2, output[1], 1e-6);
        Assert.Equal(0.772928465, output[1], 1e-6); // the well-known value of this network without the extra synapse
    }

    [Fact]
    public void TheFormatExampleComesBackAsTheSameModel()
    {
        var spec = ModelFile.Parse(FormatExample, "format-example");
        using var net = NetworkModel.ToNetwork(spec);

        var back = NetworkModel.ToSpec(net);

        Assert.Equal(ModelFile.ToJson(spec), ModelFile.ToJson(back));
        Assert.Equal([new SynapseSpec(0, 1, 2, 0, 0.1f)], back.Synapses);
        Assert.Equal([0.40f, 0.45f], back.Layers[2].Weights![0]);
    }

    [Fact]
    public void SaveThenLoadIsBitExact()
    {
        using var net = Trained(TestNetworks.Xor231(3));
        var path = Path.Combine(Path.GetTempPath(), $"ecsnet-{Guid.NewGuid():N}.json");
        try
        {
            NetworkModel.Save(net, path);
            using var loaded = NetworkModel.Load(path);

            TestNetworks.AssertBitIdentical(net, loaded);
            foreach (var x in TestNetworks.GateInputs)
            {
                Assert.Equal(TestNetworks.Output(net, x), TestNetworks.Output(loaded, x));
            }

            Assert.Equal(File.ReadAllText(path), ModelFile.ToJson(NetworkModel.ToSpec(loaded)));
        }
        finally
        {
            File.Delete(path);
        }
    }

    public static TheoryData<string> Topologies => ["dense", "skip", "pruned", "sparse", "softmax"];

    [Theory]
    [MemberData(nameof(Topologies))]
    public void JsonToNetworkToJsonIsByteIdentical(string topology)
    {
        using var net = Make(topology);
        var json = ModelFile.ToJson(NetworkModel.ToSpec(net));

        using var loaded = NetworkModel.ToNetwork(ModelFile.Parse(json, topology));
        var again = ModelFile.ToJson(NetworkModel.ToSpec(loaded));

        Assert.Equal(json, again);
        TestNetworks.AssertBitIdentical(net, loaded);
        Assert.Same(net.Cost, loaded.Cost);
        foreach (var x in TestNetworks.GateInputs)
        {
            var expected = net.Predict(x).ToArray();
            var actual = loaded.Predict(x).ToArray();
            for (var j = 0; j < expected.Length; j++)
            {
                Assert.Equal(expected[j], actual[j], 1e-6f); // storage order (and so summation order) may differ after pruning
            }
        }
    }

    [Fact]
    public void SkipConnectionsAreWrittenAsExplicitSynapsesNextToTheDenseWeights()
    {
        using var net = Make("skip");

        var spec = NetworkModel.ToSpec(net);

        Assert.NotNull(spec.Layers[1].Weights);
        Assert.NotNull(spec.Layers[2].Weights);
        Assert.Equal([(0, 0, 2, 0), (0, 1, 2, 0)], spec.Synapses.Select(s => (s.FromLayer, s.FromIndex, s.ToLayer, s.ToIndex)));
    }

    [Fact]
    public void APrunedLayerWritesAllItsSynapsesExplicitly()
    {
        using var net = Make("pruned");
        var into1 = net.Synapses().Count(s => s.ToLayer == 1);

        var spec = NetworkModel.ToSpec(net);

        Assert.Null(spec.Layers[1].Weights); // pruned: no complete matrix
        Assert.NotNull(spec.Layers[2].Weights); // untouched: dense
        Assert.Equal(into1, spec.Synapses.Count);
        Assert.All(spec.Synapses, s => Assert.Equal(1, s.ToLayer));
        Assert.Equal(net.SynapseCount, spec.Synapses.Count + spec.Layers[2].Weights!.Sum(row => row.Length));
    }

    [Fact]
    public void AMissingBiasMeansZeros()
    {
        var spec = ModelFile.Parse("""
            { "format": "ecsnet-model/1", "layers": [ { "size": 1 }, { "size": 2, "activation": "linear", "weights": [[2], [-3]] } ] }
            """);

        using var net = NetworkModel.ToNetwork(spec);

        Assert.Equal([0f, 0f], TestNetworks.Biases(net));
        Assert.Equal([2f, -3f], net.Predict([1f]).ToArray());
    }

    [Fact]
    public void ALayerWithNeitherWeightsNorSynapsesIsRejected()
    {
        var spec = new ModelSpec();
        spec.Layers.Add(new LayerSpec { Size = 2 });
        spec.Layers.Add(new LayerSpec { Size = 1, Activation = "sigmoid" });

        var e = Assert.Throws<ModelFormatException>(() => NetworkModel.ToNetwork(spec));

        Assert.Equal("layers[1].weights", e.JsonPath);
    }

    [Fact]
    public void AModelFileNamesTheFileInErrors()
    {
        var path = Path.Combine(Path.GetTempPath(), $"ecsnet-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, """{ "format": "ecsnet-model/1", "layers": [ { "size": 2 }, { "size": 1, "activation": "relu" } ] }""");
        try
        {
            var e = Assert.Throws<ModelFormatException>(() => NetworkModel.Load(path));
            Assert.Equal(path, e.Source);
            Assert.Contains("layers[1]", e.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>Networks of several shapes with trained (so full-precision) weights.</summary>
    private static Network Make(string topology)
    {
        switch (topology)
        {
            case "dense":
                return Trained(TestNetworks.Xor231(1));
            case "skip":
                return Trained(new NetworkBuilder().Input(2).Dense(3, ActivationFunction.Tanh).Dense(1, ActivationFunction.Sigmoid)
                    .Connect(0, 0, 2, 0).Connect(0, 1, 2, 0).Build(Initializer.Gaussian, 2));
            case "pruned":
                var net = Trained(new NetworkBuilder().Input(2).Dense(4, ActivationFunction.Sigmoid).Dense(1, ActivationFunction.Sigmoid)
                    .Build(Initializer.Gaussian, 3));
                foreach (var s in net.Synapses().Where(s => s.ToLayer == 1).OrderBy(s => Math.Abs(s.Weight)).Take(3).ToArray())
                {
                    net.Disconnect(s.Entity);
                }

                return Trained(net);
            case "sparse":
                // Hand-wired: each hidden neuron sees one input, the output sees both hidden neurons and x₂ directly.
                return Trained(new NetworkBuilder().Input(2).Sparse(2, ActivationFunction.LeakyRelu).Dense(1, ActivationFunction.Sigmoid)
                    .Connect(0, 0, 1, 0, 0.5f).Connect(0, 1, 1, 1, -0.5f).Connect(0, 1, 2, 0, 0.25f).Build(Initializer.Gaussian, 4));
            default:
                var softmax = new NetworkBuilder().Input(2).Dense(3, ActivationFunction.Relu).Dense(2, ActivationFunction.Softmax)
                    .Build(Initializer.He, 5);
                softmax.Cost = CostFunction.SoftmaxCrossEntropy;
                var xor = LogicGates.Xor();
                var oneHot = new DataSet("xor-2", xor.Inputs, [1, 0, 0, 1, 0, 1, 1, 0], 2, 2);
                new Trainer(new TrainingOptions { Epochs = 20, BatchSize = 2, LearningRate = 0.1f, Seed = 5 }).Train(softmax, oneHot);
                return softmax;
        }
    }

    private static Network Trained(Network net)
    {
        new Trainer(new TrainingOptions { Epochs = 20, BatchSize = 2, LearningRate = 1f, Seed = 1 }).Train(net, LogicGates.Xor());
        return net;
    }

    private static double Sigmoid(double z) => 1.0 / (1.0 + Math.Exp(-z));
}
