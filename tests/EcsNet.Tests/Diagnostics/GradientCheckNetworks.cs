using EcsNet.ActivationFunctions;
using EcsNet.Costs;
using EcsNet.Data;
using EcsNet.Training;

namespace EcsNet.Tests.Diagnostics;

/// <summary>The wirings the gradient check is run on.</summary>
public enum Topology
{
    /// <summary>4-5-3 fully connected.</summary>
    Dense,

    /// <summary>4-5-3 plus explicit synapses from every input straight to the output layer.</summary>
    Skip,

    /// <summary>4-5-3 with every second synapse destroyed.</summary>
    Pruned,
}

/// <summary>Seeded random networks and data for the gradient-check tests.</summary>
internal static class GradientCheckNetworks
{
    public const int Inputs = 4;
    public const int Hidden = 5;
    public const int Outputs = 3;

    public static Network Build(IActivationFunction hidden, IActivationFunction output, ICost cost, Topology topology, long seed)
    {
        var builder = new NetworkBuilder().Input(Inputs).Dense(Hidden, hidden).Dense(Outputs, output);
        if (topology == Topology.Skip)
        {
            for (var k = 0; k < Inputs; k++)
            {
                builder.Connect(0, k, 2, k % Outputs);
            }
        }

        var network = builder.Build(Initializer.Gaussian, seed);
        network.Cost = cost;
        if (topology == Topology.Pruned)
        {
            var synapses = network.Synapses();
            for (var i = 0; i < synapses.Count; i += 2)
            {
                network.Disconnect(synapses[i].Entity);
            }
        }

        return network;
    }

    /// <summary>
    /// n samples with N(0, 1) inputs and targets that suit the cost: one-hot for softmax cross-entropy, 0/1 for binary
    /// cross-entropy, U(0, 1) otherwise.
    /// </summary>
    public static DataSet Data(ICost cost, int n, long seed)
    {
        var random = new SeededRandom(seed);
        var inputs = new float[n * Inputs];
        var targets = new float[n * Outputs];
        for (var i = 0; i < inputs.Length; i++)
        {
            inputs[i] = (float)random.NextGaussian();
        }

        for (var s = 0; s < n; s++)
        {
            var row = targets.AsSpan(s * Outputs, Outputs);
            if (cost is SoftmaxCrossEntropyCost)
            {
                row[random.NextInt(Outputs)] = 1f;
                continue;
            }

            for (var j = 0; j < Outputs; j++)
            {
                row[j] = cost is CrossEntropyCost ? random.NextInt(2) : (float)random.NextDouble();
            }
        }

        return new DataSet("random", inputs, targets, Inputs, Outputs);
    }
}
