using System.Runtime.CompilerServices;

namespace EcsNet.Ecs.Tests;

public class QueryFormTests
{
    private static readonly QueryDescription Moving = new QueryDescription().WithAll<Position, Velocity>();

    private static World Populate(int count)
    {
        var world = World.Create();
        for (var i = 0; i < count; i++)
        {
            if (i % 3 == 0)
            {
                world.Create(new Position(i, 0), new Velocity(1, i), new Health(i));
            }
            else if (i % 3 == 1)
            {
                world.Create(new Position(i, 0), new Velocity(2, i));
            }
            else
            {
                world.Create(new Position(i, 0));
            }
        }

        return world;
    }

    private static double Checksum(World world)
    {
        double sum = 0;
        world.Query(new QueryDescription().WithAll<Position>(), (ref Position p) => sum += (p.X * 3) + (p.Y * 7));
        return sum;
    }

    private struct Integrate : IForEach<Position, Velocity>
    {
        public int Visited;

        public void Update(ref Position position, ref Velocity velocity)
        {
            position.X += velocity.X;
            position.Y += velocity.Y;
            Visited++;
        }
    }

    private struct IntegrateWithEntity : IForEachWithEntity<Position, Velocity>
    {
        public World World;

        public readonly void Update(Entity entity, ref Position position, ref Velocity velocity)
        {
            Assert.Equal(World.Get<Position>(entity), position);
            position.X += velocity.X;
            position.Y += velocity.Y;
        }
    }

    [Fact]
    public void EveryQueryFormComputesTheSameUpdate()
    {
        const int count = 5000;
        var results = new List<double>();
        for (var form = 0; form < 6; form++)
        {
            using var world = Populate(count);
            var visited = 0;
            switch (form)
            {
                case 0:
                    world.Query(in Moving, (ref Position p, ref Velocity v) =>
                    {
                        p.X += v.X;
                        p.Y += v.Y;
                        visited++;
                    });
                    break;
                case 1:
                    world.Query(in Moving, (Entity e, ref Position p, ref Velocity v) =>
                    {
                        Assert.Equal(world.Get<Velocity>(e), v);
                        p.X += v.X;
                        p.Y += v.Y;
                        visited++;
                    });
                    break;
                case 2:
                    var integrate = default(Integrate);
                    world.InlineQuery<Integrate, Position, Velocity>(in Moving, ref integrate);
                    visited = integrate.Visited;
                    break;
                case 3:
                    var withEntity = new IntegrateWithEntity { World = world };
                    world.InlineEntityQuery<IntegrateWithEntity, Position, Velocity>(in Moving, ref withEntity);
                    visited = world.CountEntities(in Moving);
                    break;
                case 4:
                    world.ParallelQuery(in Moving, (ref Position p, ref Velocity v) =>
                    {
                        p.X += v.X;
                        p.Y += v.Y;
                        Interlocked.Increment(ref visited);
                    });
                    break;
                case 5:
                    foreach (ref var chunk in world.Query(in Moving))
                    {
                        ref var p = ref chunk.GetFirst<Position>();
                        ref var v = ref chunk.GetFirst<Velocity>();
                        for (var i = 0; i < chunk.Count; i++)
                        {
                            Unsafe.Add(ref p, i).X += Unsafe.Add(ref v, i).X;
                            Unsafe.Add(ref p, i).Y += Unsafe.Add(ref v, i).Y;
                        }

                        visited += chunk.Count;
                    }

                    break;
            }

            Assert.Equal(3334, visited); // i % 3 is 0 or 1 for 1667 + 1667 of 5000
            results.Add(Checksum(world));
        }

        // Independent expectation: X gains 1 (i%3==0) or 2 (i%3==1); Y gains i; unmoved entities keep (i, 0).
        double expected = 0;
        for (var i = 0; i < count; i++)
        {
            var (dx, dy) = (i % 3) switch { 0 => (1.0, (double)i), 1 => (2.0, (double)i), _ => (0.0, 0.0) };
            expected += ((i + dx) * 3) + (dy * 7);
        }

        Assert.All(results, r => Assert.Equal(expected, r));
    }

    [Fact]
    public void ParallelQueryMatchesQueryOnManyChunks()
    {
        using var sequential = World.Create();
        using var parallel = World.Create();
        foreach (var world in new[] { sequential, parallel })
        {
            world.Create(100_000, new Position(1, 2), new Velocity(3, 4), new Mass(0.5));
            world.Create(20_000, new Position(1, 2), new Velocity(3, 4));
        }

        var description = new QueryDescription().WithAll<Position, Velocity>();
        static void Step(ref Position p, ref Velocity v)
        {
            p.X = (p.X * 1.5f) + v.X;
            p.Y = (p.Y * 0.5f) - v.Y;
            v.X += 1;
        }

        for (var i = 0; i < 3; i++)
        {
            sequential.Query<Position, Velocity>(in description, Step);
            parallel.ParallelQuery<Position, Velocity>(in description, Step);
        }

        var a = new List<(Position, Velocity)>();
        var b = new List<(Position, Velocity)>();
        sequential.Query(in description, (ref Position p, ref Velocity v) => a.Add((p, v)));
        parallel.Query(in description, (ref Position p, ref Velocity v) => b.Add((p, v)));
        Assert.Equal(120_000, a.Count);
        Assert.Equal(a, b);
    }

    [Fact]
    public void GetEntitiesAndCountEntitiesAgreeWithCreation()
    {
        using var world = World.Create();
        var created = new List<Entity>();
        for (var i = 0; i < 1000; i++)
        {
            created.Add(world.Create(new Health(i)));
        }

        for (var i = 0; i < 1000; i += 3)
        {
            world.Destroy(created[i]);
        }

        var alive = created.Where((_, i) => i % 3 != 0).OrderBy(e => e).ToArray();
        var description = new QueryDescription().WithAll<Health>();
        Assert.Equal(alive.Length, world.CountEntities(in description));
        var buffer = new Entity[alive.Length + 5];
        world.GetEntities(in description, buffer);
        Assert.Equal(alive, buffer.Take(alive.Length).OrderBy(e => e));
        Assert.All(buffer.Skip(alive.Length), e => Assert.Equal(default, e));
    }

    [Fact]
    public void InlineQueryDoesNotAllocate()
    {
        using var world = Populate(3000);
        var integrate = default(Integrate);
        world.InlineQuery<Integrate, Position, Velocity>(in Moving, ref integrate);
        var before = GC.GetAllocatedBytesForCurrentThread();
        world.InlineQuery<Integrate, Position, Velocity>(in Moving, ref integrate);
        foreach (ref var chunk in world.Query(in Moving))
        {
            chunk.GetSpan<Position>()[0].X += 1;
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(4000, integrate.Visited);
    }
}
