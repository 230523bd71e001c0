using BenchmarkDotNet.Attributes;
using EcsNet.Ecs;

namespace EcsNet.Benchmarks.Ecs;

/// <summary>Creating N entities with three components: bulk, one by one, and filling plain arrays (baseline).</summary>
[MemoryDiagnoser]
public class EcsCreateBenchmarks
{
    [Params(100_000, 1_000_000)]
    public int N { get; set; }

    [Benchmark(Baseline = true, Description = "struct[] x3 allocate+fill")]
    public int PlainArrays()
    {
        var positions = new Position[N];
        var velocities = new Velocity[N];
        var masses = new Mass[N];
        positions.AsSpan().Fill(new Position { X = 1 });
        velocities.AsSpan().Fill(new Velocity { X = 1 });
        masses.AsSpan().Fill(new Mass { Value = 1 });
        return positions.Length + velocities.Length + masses.Length;
    }

    [Benchmark(Description = "World.Create<3>(amount) bulk")]
    public int Bulk()
    {
        using var world = World.Create();
        world.Create(N, new Position { X = 1 }, new Velocity { X = 1 }, new Mass { Value = 1 });
        return world.Size;
    }

    [Benchmark(Description = "World.Create<3>() one by one")]
    public int OneByOne()
    {
        using var world = World.Create();
        for (var i = 0; i < N; i++)
        {
            world.Create(new Position { X = i }, new Velocity { X = 1 }, new Mass { Value = 1 });
        }

        return world.Size;
    }
}
