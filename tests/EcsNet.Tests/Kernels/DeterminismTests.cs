using EcsNet.ActivationFunctions;
using EcsNet.Components;
using EcsNet.Training;

namespace EcsNet.Tests.Kernels;

/// <summary>Bit-identical weights whatever the thread count, and zero allocations per training step.</summary>
public class DeterminismTests
{
    [Theory]
    [InlineData(32)]
    [InlineData(7)]
    [InlineData(1)]
    public void TwoThreadsGiveBitIdenticalWeightsToOne(int batch)
    {
        // 300-200-40-10 at m = 32 is above the worker pool's threshold, so the parallel partitions really run.
        using var one = NetworkBuilder.FullyConnected([300, 200, 40, 10], ActivationFunction.Sigmoid, Initializer.Gaussian, seed: 3);
        using var two = NetworkBuilder.FullyConnected([300, 200, 40, 10], ActivationFunction.Sigmoid, Initializer.Gaussian, seed: 3);
        two.Threads = 2;
        var (inputs, targets) = FastPathTests.RandomBatch(one, batch, seed: 9);
        for (var step = 0; step < 3; step++)
        {
            foreach (var net in new[] { one, two })
            {
                net.LoadBatch(inputs, targets, batch);
                net.TrainStep(Optimizer.Sgd, 0.5f);
            }
        }

        AssertBitIdenticalWeights(one, two);
    }

    /// <summary>Every weight of <paramref name="one"/> equals <paramref name="two"/>'s bit for bit, and some are not zero.</summary>
    internal static void AssertBitIdenticalWeights(Network one, Network two)
    {
        var a = one.Synapses();
        var b = two.Synapses();
        var differing = a.Zip(b).Count(p => BitConverter.SingleToInt32Bits(p.First.Weight) != BitConverter.SingleToInt32Bits(p.Second.Weight));
        Assert.Equal(0, differing);
        Assert.Contains(a, s => s.Weight != 0f);
    }

    [Fact]
    public void ATrainingStepAllocatesNothing()
    {
        using var net = NetworkBuilder.FullyConnected([784, 100, 10], ActivationFunction.Sigmoid, Initializer.Gaussian, seed: 1);
        AssertStepsAllocateNothing(net, 32);
    }

    /// <summary>Training steps with SGD and with Adam, after warming up, allocate no byte on the caller's thread.</summary>
    internal static void AssertStepsAllocateNothing(Network net, int m)
    {
        var (inputs, targets) = FastPathTests.RandomBatch(net, m, seed: 2);
        foreach (var optimizer in new[] { Optimizer.Sgd, Optimizer.Adam })
        {
            // Tiered compilation (tier-up after 30 calls and a 100 ms delay) may allocate a little on this thread while
            // it installs recompiled code, and on a busy machine the background compiler can finish late. A step that
            // allocates would allocate in every window of steps, so the steady state is shown by one window of 20
            // steps that allocates nothing, within a few warm-up rounds.
            var allocated = new List<long>();
            for (var round = 0; round < 8; round++)
            {
                for (var warmup = 0; warmup < 40; warmup++)
                {
                    net.LoadBatch(inputs, targets, m);
                    net.TrainStep(optimizer, 0.01f);
                }

                Thread.Sleep(150);
                var before = GC.GetAllocatedBytesForCurrentThread();
                for (var step = 0; step < 20; step++)
                {
                    net.LoadBatch(inputs, targets, m);
                    net.TrainStep(optimizer, 0.01f);
                }

                allocated.Add(GC.GetAllocatedBytesForCurrentThread() - before);
                if (allocated[^1] == 0)
                {
                    break;
                }
            }

            Assert.True(allocated[^1] == 0, $"{optimizer.Kind}: every window of 20 steps allocated ({string.Join(", ", allocated)} bytes)");
        }
    }

    [Fact]
    public void AComponentAddedDirectlyOnTheWorldIsNoticedWithoutInvalidateTopology()
    {
        using var net = NetworkBuilder.FullyConnected([20, 12, 4], ActivationFunction.Tanh, Initializer.Xavier, seed: 4);
        var (inputs, targets) = FastPathTests.RandomBatch(net, 8, seed: 4);
        net.LoadBatch(inputs, targets, 8);
        net.TrainStep(Optimizer.Sgd, 0.1f); // builds the plan

        // Freeze one synapse by moving it to another archetype behind the network's back.
        var frozen = net.Synapses()[5];
        net.World.Add(frozen.Entity, new Frozen());
        for (var step = 0; step < 3; step++)
        {
            net.LoadBatch(inputs, targets, 8);
            net.TrainStep(Optimizer.Sgd, 0.1f);
        }

        Assert.Equal(frozen.Weight, net.World.Get<Weight>(frozen.Entity).Value);
        Assert.Equal(20 * 12 + 12 * 4, net.SynapseCount);

        // The moved synapse still takes part in the forward pass: compare with a hand-made sum.
        net.Forward();
        var (layer, index) = (frozen.ToLayer, frozen.ToIndex);
        var z = (double)net.GetBias(layer, index);
        foreach (var s in net.Synapses().Where(s => s.ToLayer == layer && s.ToIndex == index))
        {
            z += s.Weight * net.Value(NeuronValue.Activation, s.FromLayer, s.FromIndex);
        }

        Assert.Equal(z, net.Value(NeuronValue.NetInput, layer, index), 4);
    }
}
