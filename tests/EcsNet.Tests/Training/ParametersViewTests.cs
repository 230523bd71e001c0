using EcsNet.Components;

namespace EcsNet.Tests.Training;

/// <summary>
/// <see cref="Network.Parameters"/> is the one list of trainable numbers: every weight and bias once, each with the
/// gradient backpropagation stored for it.
/// </summary>
public sealed class ParametersViewTests
{
    [Fact]
    public void A231NetworkHasNineWeightsAndFourBiasesEachOnItsOwnEntity()
    {
        using var net = TestNetworks.Xor231(seed: 2);
        var parameters = net.Parameters();

        // 2·3 + 3·1 weights, 3 + 1 biases (counted by hand from the shape).
        Assert.Equal(9, parameters.Count(p => p.IsWeight));
        Assert.Equal(4, parameters.Count(p => !p.IsWeight));
        Assert.Equal(13, parameters.Select(p => p.Entity).Distinct().Count());
        foreach (var p in parameters)
        {
            var stored = p.IsWeight ? net.World.Get<Weight>(p.Entity).Value : net.World.Get<Bias>(p.Entity).Value;
            Assert.Equal(stored, p.Value);
            Assert.Equal(p.IsWeight ? p.Layer - 1 : -1, p.SourceLayer);
        }
    }

    [Fact]
    public void EachGradientMatchesACentralDifferenceOfTheBatchCost()
    {
        using var net = TestNetworks.Xor231(seed: 5);
        net.LoadBatch(TestNetworks.XorInputs, TestNetworks.XorTargets, 4);
        net.Forward();
        net.Backpropagate();

        foreach (var p in net.Parameters())
        {
            const float h = 1e-3f;
            Set(net, p, p.Value + h);
            var plus = Cost(net);
            Set(net, p, p.Value - h);
            var minus = Cost(net);
            Set(net, p, p.Value);

            var estimate = (plus - minus) / (2 * h);
            Assert.True(Math.Abs(estimate - p.Gradient) <= 2e-3 + 0.02 * Math.Abs(estimate), $"{p}: backprop {p.Gradient}, central difference {estimate}");
        }
    }

    private static void Set(Network net, Parameter p, float value)
    {
        if (p.IsWeight)
        {
            net.World.Get<Weight>(p.Entity).Value = value;
        }
        else
        {
            net.World.Get<Bias>(p.Entity).Value = value;
        }
    }

    /// <summary>Σ_x ½ (a_x − y_x)², from the outputs of a fresh forward pass.</summary>
    private static double Cost(Network net)
    {
        net.LoadBatch(TestNetworks.XorInputs, TestNetworks.XorTargets, 4);
        net.Forward();
        var a = net.Outputs;
        var cost = 0.0;
        for (var b = 0; b < 4; b++)
        {
            cost += 0.5 * Math.Pow(a[b] - TestNetworks.XorTargets[b], 2);
        }

        return cost;
    }
}
