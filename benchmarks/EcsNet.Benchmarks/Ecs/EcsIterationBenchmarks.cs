using System.Runtime.CompilerServices;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using EcsNet.Ecs;

namespace EcsNet.Benchmarks.Ecs;

/// <summary>
/// Iterating 1,000,000 entities reading/writing 1, 2 or 3 components through every query form, each category against a plain
/// structure-of-arrays <c>struct[]</c> loop doing the same arithmetic (the baseline of the category).
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class EcsIterationBenchmarks
{
    private const int N = 1_000_000;
    private const string One = "1 component";
    private const string Two = "2 components";
    private const string Three = "3 components";

    private static readonly QueryDescription Description = new QueryDescription().WithAll<Position, Velocity, Mass>();

    private World _world = null!;
    private Position[] _positions = null!;
    private Velocity[] _velocities = null!;
    private Mass[] _masses = null!;

    [GlobalSetup]
    public void Setup()
    {
        _world = World.Create();
        _world.Create(N, new Position { X = 1 }, new Velocity { X = 1, Y = 2 }, new Mass { Value = 0.5f });
        _positions = new Position[N];
        _velocities = new Velocity[N];
        _masses = new Mass[N];
        _positions.AsSpan().Fill(new Position { X = 1 });
        _velocities.AsSpan().Fill(new Velocity { X = 1, Y = 2 });
        _masses.AsSpan().Fill(new Mass { Value = 0.5f });
    }

    [GlobalCleanup]
    public void Cleanup() => _world.Dispose();

    // ---- 1 component: p.X += 1 ----

    [Benchmark(Baseline = true, Description = "struct[] loop"), BenchmarkCategory(One)]
    public void Array1()
    {
        var positions = _positions;
        for (var i = 0; i < positions.Length; i++)
        {
            positions[i].X += 1;
        }
    }

    [Benchmark(Description = "Query(ForEach)"), BenchmarkCategory(One)]
    public void Delegate1() => _world.Query(in Description, static (ref Position p) => p.X += 1);

    [Benchmark(Description = "InlineQuery(IForEach)"), BenchmarkCategory(One)]
    public void Inline1()
    {
        var update = default(Step1);
        _world.InlineQuery<Step1, Position>(in Description, ref update);
    }

    [Benchmark(Description = "chunk GetSpan"), BenchmarkCategory(One)]
    public void Spans1()
    {
        foreach (ref var chunk in _world.Query(in Description))
        {
            var positions = chunk.GetSpan<Position>();
            var count = chunk.Count;
            for (var i = 0; i < count && i < positions.Length; i++)
            {
                positions[i].X += 1;
            }
        }
    }

    [Benchmark(Description = "chunk GetFirst+Unsafe.Add"), BenchmarkCategory(One)]
    public void First1()
    {
        foreach (ref var chunk in _world.Query(in Description))
        {
            ref var p = ref chunk.GetFirst<Position>();
            for (var i = 0; i < chunk.Count; i++)
            {
                Unsafe.Add(ref p, i).X += 1;
            }
        }
    }

    // ---- 2 components: p += v ----

    [Benchmark(Baseline = true, Description = "struct[] loop"), BenchmarkCategory(Two)]
    public void Array2()
    {
        var positions = _positions;
        var velocities = _velocities;
        for (var i = 0; i < positions.Length && i < velocities.Length; i++)
        {
            positions[i].X += velocities[i].X;
            positions[i].Y += velocities[i].Y;
        }
    }

    [Benchmark(Description = "Query(ForEach)"), BenchmarkCategory(Two)]
    public void Delegate2() => _world.Query(in Description, static (ref Position p, ref Velocity v) =>
    {
        p.X += v.X;
        p.Y += v.Y;
    });

    [Benchmark(Description = "InlineQuery(IForEach)"), BenchmarkCategory(Two)]
    public void Inline2()
    {
        var update = default(Step2);
        _world.InlineQuery<Step2, Position, Velocity>(in Description, ref update);
    }

    [Benchmark(Description = "chunk GetSpan"), BenchmarkCategory(Two)]
    public void Spans2()
    {
        foreach (ref var chunk in _world.Query(in Description))
        {
            chunk.GetSpan<Position, Velocity>(out var positions, out var velocities);
            var count = chunk.Count;
            for (var i = 0; i < count && i < positions.Length && i < velocities.Length; i++)
            {
                positions[i].X += velocities[i].X;
                positions[i].Y += velocities[i].Y;
            }
        }
    }

    [Benchmark(Description = "chunk GetFirst+Unsafe.Add"), BenchmarkCategory(Two)]
    public void First2()
    {
        foreach (ref var chunk in _world.Query(in Description))
        {
            ref var p = ref chunk.GetFirst<Position>();
            ref var v = ref chunk.GetFirst<Velocity>();
            for (var i = 0; i < chunk.Count; i++)
            {
                ref var position = ref Unsafe.Add(ref p, i);
                ref var velocity = ref Unsafe.Add(ref v, i);
                position.X += velocity.X;
                position.Y += velocity.Y;
            }
        }
    }

    [Benchmark(Description = "ParallelQuery(ForEach)"), BenchmarkCategory(Two)]
    public void Parallel2() => _world.ParallelQuery(in Description, static (ref Position p, ref Velocity v) =>
    {
        p.X += v.X;
        p.Y += v.Y;
    });

    // ---- 3 components: p += v * m ----

    [Benchmark(Baseline = true, Description = "struct[] loop"), BenchmarkCategory(Three)]
    public void Array3()
    {
        var positions = _positions;
        var velocities = _velocities;
        var masses = _masses;
        for (var i = 0; i < positions.Length && i < velocities.Length && i < masses.Length; i++)
        {
            positions[i].X += velocities[i].X * masses[i].Value;
            positions[i].Y += velocities[i].Y * masses[i].Value;
        }
    }

    [Benchmark(Description = "Query(ForEach)"), BenchmarkCategory(Three)]
    public void Delegate3() => _world.Query(in Description, static (ref Position p, ref Velocity v, ref Mass m) =>
    {
        p.X += v.X * m.Value;
        p.Y += v.Y * m.Value;
    });

    [Benchmark(Description = "InlineQuery(IForEach)"), BenchmarkCategory(Three)]
    public void Inline3()
    {
        var update = default(Step3);
        _world.InlineQuery<Step3, Position, Velocity, Mass>(in Description, ref update);
    }

    [Benchmark(Description = "chunk GetSpan"), BenchmarkCategory(Three)]
    public void Spans3()
    {
        foreach (ref var chunk in _world.Query(in Description))
        {
            chunk.GetSpan<Position, Velocity, Mass>(out var positions, out var velocities, out var masses);
            var count = chunk.Count;
            for (var i = 0; i < count && i < positions.Length && i < velocities.Length && i < masses.Length; i++)
            {
                positions[i].X += velocities[i].X * masses[i].Value;
                positions[i].Y += velocities[i].Y * masses[i].Value;
            }
        }
    }

    [Benchmark(Description = "chunk GetFirst+Unsafe.Add"), BenchmarkCategory(Three)]
    public void First3()
    {
        foreach (ref var chunk in _world.Query(in Description))
        {
            ref var p = ref chunk.GetFirst<Position>();
            ref var v = ref chunk.GetFirst<Velocity>();
            ref var m = ref chunk.GetFirst<Mass>();
            for (var i = 0; i < chunk.Count; i++)
            {
                ref var position = ref Unsafe.Add(ref p, i);
                ref var velocity = ref Unsafe.Add(ref v, i);
                var mass = Unsafe.Add(ref m, i).Value;
                position.X += velocity.X * mass;
                position.Y += velocity.Y * mass;
            }
        }
    }

    private struct Step1 : IForEach<Position>
    {
        public readonly void Update(ref Position p) => p.X += 1;
    }

    private struct Step2 : IForEach<Position, Velocity>
    {
        public readonly void Update(ref Position p, ref Velocity v)
        {
            p.X += v.X;
            p.Y += v.Y;
        }
    }

    private struct Step3 : IForEach<Position, Velocity, Mass>
    {
        public readonly void Update(ref Position p, ref Velocity v, ref Mass m)
        {
            p.X += v.X * m.Value;
            p.Y += v.Y * m.Value;
        }
    }
}
