using EcsNet.Data;
using EcsNet.Training;

namespace EcsNet.Tests.Acceptance;

/// <summary>
/// XOR, the problem a single unit cannot solve, learned by a 2-3-1 sigmoid network from N(0, 1) weights: batch gradient
/// descent (m = n = 4) on the quadratic cost with η = 3 for 2,000 epochs.
/// </summary>
public sealed class XorLearningTests
{
    [Fact]
    public void A231SigmoidNetworkLearnsXorFromAtLeast9Of10Seeds()
    {
        var xor = LogicGates.Xor();
        var options = new TrainingOptions { Epochs = 2000, BatchSize = 4, LearningRate = 3f };
        var failures = new List<string>();
        for (var seed = 1; seed <= 10; seed++)
        {
            using var net = TestNetworks.Xor231(seed);
            new Trainer(options with { Seed = seed }).Train(net, xor);
            var outputs = Enumerable.Range(0, 4).Select(i => TestNetworks.Output(net, xor.Input(i).ToArray())).ToArray();
            var right = Enumerable.Range(0, 4).All(i => outputs[i] > 0.5f == xor.Target(i)[0] > 0.5f);
            if (!right)
            {
                failures.Add($"seed {seed}: {string.Join(", ", outputs.Select(a => a.ToString("F3")))}");
            }
        }

        Assert.True(failures.Count <= 1, "XOR not learned from: " + string.Join("; ", failures));
    }
}
