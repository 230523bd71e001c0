using EcsNet.Data;
using EcsNet.Diagnostics;

namespace EcsNet.Tests.Diagnostics;

/// <summary>The Seoul deck's finite-difference estimator in its one-sided and central forms, and what it costs.</summary>
public sealed class FiniteDifferenceTests
{
    [Fact]
    public void BothEstimatorsAgreeWithBackpropAndCountTheirPasses()
    {
        var xor = LogicGates.Xor();
        using var net = TestNetworks.Xor231(seed: 3); // 9 weights + 4 biases = 13 parameters

        var central = GradientCheck.Run(net, xor, maxSamples: 4, epsilon: 1e-6);
        var oneSided = GradientCheck.Run(net, xor, maxSamples: 4, epsilon: 1e-6, FiniteDifference.OneSided);

        Assert.True(central.Passed(1e-3), central.ToString());
        Assert.True(oneSided.Passed(1e-3), oneSided.ToString());
        Assert.Equal(2L * 13 * 4, central.Cost.ForwardPasses);
        Assert.Equal((13L + 1) * 4, oneSided.Cost.ForwardPasses);
        Assert.Equal(FiniteDifference.OneSided, oneSided.Cost.Difference);
        Assert.True(central.Cost.EstimateSeconds > 0 && central.Cost.BackpropSeconds > 0);
    }

    [Fact]
    public void TheOneSidedErrorShrinksLikeEpsilonAndTheCentralLikeEpsilonSquared()
    {
        // Taylor: (C(θ+ε) − C(θ))/ε = C′ + εC″/2 + …, (C(θ+ε) − C(θ−ε))/2ε = C′ + ε²C‴/6 + …; so at ε = 1e-2 the
        // one-sided estimate is the visibly worse one, and ten times smaller ε makes it about ten times better.
        var xor = LogicGates.Xor();
        using var net = TestNetworks.Xor231(seed: 3);

        double Worst(FiniteDifference d, double eps) => GradientCheck.Run(net, xor, 4, eps, d).Parameters.Max(p => Math.Abs(p.Backprop - p.FiniteDifference));
        var oneSided2 = Worst(FiniteDifference.OneSided, 1e-2);
        var oneSided3 = Worst(FiniteDifference.OneSided, 1e-3);
        var central2 = Worst(FiniteDifference.Central, 1e-2);

        Assert.True(central2 < oneSided2 / 10, $"central {central2:E2}, one-sided {oneSided2:E2}");
        Assert.InRange(oneSided2 / oneSided3, 5, 20);
    }
}
