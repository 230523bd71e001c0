using System.Diagnostics;
using EcsNet.ActivationFunctions;
using EcsNet.Data;
using EcsNet.Training;

namespace EcsNet.Tests.Reliability;

/// <summary>
/// Long runs (a training job of hours must not leak): a million incremental steps and ten thousand prune/regrow cycles must not grow managed
/// memory or slow down. Figures are stated in docs/reliability.md.
/// </summary>
[Trait("Category", "Soak")]
[Collection(SoakCollection.Name)]
public class SoakTests
{
    /// <summary>
    /// Retained managed memory allowed to grow over a run, after a full collection. The test runner's own threads
    /// allocate while the test runs (a few hundred kilobytes were seen), so the bound is loose; a leak of even a few
    /// bytes per step or cycle would exceed it by far.
    /// </summary>
    private const long MemoryBound = 2 * 1024 * 1024;

    [Fact]
    public void AMillionIncrementalStepsAllocateNothingAndDoNotGrowMemory()
    {
        const int steps = 1_000_000;
        const int blocks = 100; // blocks of 10,000 steps; memory is measured from the end of the first
        var xor = LogicGates.Xor();
        using var net = NetworkBuilder.FullyConnected([2, 3, 1], ActivationFunction.Sigmoid, Initializer.Gaussian, seed: 2);
        int[] one = [0];
        var before = 0L;
        var allocatedBefore = 0L;
        for (var block = 0; block < blocks; block++)
        {
            if (block == 1)
            {
                // After the first block: buffers, the plan and JIT-tiered code are in place.
                before = ManagedMemory();
                allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
            }

            for (var i = 0; i < steps / blocks; i++)
            {
                one[0] = i & 3;
                net.LoadBatch(xor, one);
                net.TrainStep(Optimizer.Sgd, 0.5f);
            }
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        Assert.Equal(0, allocated); // not one byte per step
        var growth = ManagedMemory() - before;
        Assert.True(growth < MemoryBound, $"managed memory grew by {growth:N0} bytes over {steps - steps / blocks:N0} steps");

        // Timing is BenchmarkDotNet's job, not a unit test's: CI runs the test assemblies side by side, so a wall-clock
        // bound here failed on contention alone. A leak or a growing structure shows in the two bounds above.

        // And it learned XOR along the way.
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(xor.Target(i)[0] > 0.5f, net.Predict(xor.Input(i))[0] > 0.5f);
        }
    }

    [Fact]
    public void TenThousandPruneRegrowCyclesKeepTheNetworkConsistent()
    {
        const int cycles = 10_000;
        var xor = LogicGates.Xor();
        using var net = NetworkBuilder.FullyConnected([2, 6, 1], ActivationFunction.Tanh, Initializer.Xavier, seed: 5);
        var random = new SeededRandom(8);
        int[] all = [0, 1, 2, 3];
        var synapses = net.SynapseCount;
        var blockTimes = new double[10];
        var before = 0L;
        for (var block = 0; block < 10; block++)
        {
            var clock = Stopwatch.StartNew();
            for (var c = 0; c < cycles / 10; c++)
            {
                var list = net.Synapses();
                var victim = list[random.NextInt(list.Count)];
                net.Disconnect(victim.Entity);
                net.LoadBatch(xor, all);
                net.TrainStep(Optimizer.Sgd, 0.1f);
                net.Connect(victim.FromLayer, victim.FromIndex, victim.ToLayer, victim.ToIndex, (float)random.NextUniform(-0.5, 0.5));
                net.LoadBatch(xor, all);
                net.TrainStep(Optimizer.Sgd, 0.1f);
            }

            blockTimes[block] = clock.Elapsed.TotalSeconds;
            if (block == 0)
            {
                before = ManagedMemory();
            }
        }

        Assert.Equal(synapses, net.SynapseCount);
        Assert.True(net.ParametersAreFinite());
        var growth = ManagedMemory() - before;
        Assert.True(growth < MemoryBound, $"managed memory grew by {growth:N0} bytes over {cycles:N0} prune/regrow cycles");

        // The network after all that still computes z = b + Σ w·a from its current synapses.
        net.Predict(xor.Input(3));
        foreach (var j in Enumerable.Range(0, 6))
        {
            var z = (double)net.GetBias(1, j);
            foreach (var s in net.Synapses().Where(s => s.ToLayer == 1 && s.ToIndex == j))
            {
                z += s.Weight * xor.Input(3)[s.FromIndex];
            }

            Assert.Equal(z, net.Value(NeuronValue.NetInput, 1, j), 5);
        }
    }

    private static long ManagedMemory()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}

/// <summary>Soak tests time themselves, so they run alone, after the parallel tests.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SoakCollection
{
    /// <summary>The collection's name.</summary>
    public const string Name = "Soak (runs alone)";
}
