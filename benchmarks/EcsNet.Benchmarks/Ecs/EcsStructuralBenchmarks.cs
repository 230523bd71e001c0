using BenchmarkDotNet.Attributes;
using EcsNet.Ecs;

namespace EcsNet.Benchmarks.Ecs;

/// <summary>Structural changes and random access on 100,000 entities with two components.</summary>
[MemoryDiagnoser]
public class EcsStructuralBenchmarks
{
    private const int N = 100_000;

    private World _world = null!;
    private Entity[] _entities = null!;

    [GlobalSetup]
    public void Setup()
    {
        _world = World.Create();
        _entities = new Entity[N];
        for (var i = 0; i < N; i++)
        {
            _entities[i] = _world.Create(new Position { X = i }, new Velocity { X = 1 });
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _world.Dispose();

    [Benchmark(Description = "Add<Mass> then Remove<Mass> on 100k")]
    public void AddRemove()
    {
        var world = _world;
        foreach (var entity in _entities)
        {
            world.Add(entity, new Mass { Value = 1 });
        }

        foreach (var entity in _entities)
        {
            world.Remove<Mass>(entity);
        }
    }

    [Benchmark(Description = "Add<Tag> then Remove<Tag> on 100k")]
    public void AddRemoveTag()
    {
        var world = _world;
        foreach (var entity in _entities)
        {
            world.Add<Tag>(entity);
        }

        foreach (var entity in _entities)
        {
            world.Remove<Tag>(entity);
        }
    }

    [Benchmark(Description = "Get<Position>+Set<Velocity> on 100k")]
    public float GetSet()
    {
        var world = _world;
        var sum = 0f;
        foreach (var entity in _entities)
        {
            sum += world.Get<Position>(entity).X;
            world.Set(entity, new Velocity { X = sum });
        }

        return sum;
    }

    [Benchmark(Description = "Destroy+Create on 100k")]
    public void DestroyCreate()
    {
        var world = _world;
        var entities = _entities;
        for (var i = 0; i < entities.Length; i++)
        {
            world.Destroy(entities[i]);
            entities[i] = world.Create(new Position { X = i }, new Velocity { X = 1 });
        }
    }
}
