namespace EcsNet.Ecs.Tests;

public class EntityLifecycleTests
{
    [Fact]
    public void CreatedEntitiesAreAliveWithDistinctIdsAndVersionOne()
    {
        using var world = World.Create();
        var a = world.Create(new Position(1, 2));
        var b = world.Create(new Position(3, 4), new Velocity(5, 6));
        var c = world.Create();

        Assert.True(world.IsAlive(a));
        Assert.True(world.IsAlive(b));
        Assert.True(world.IsAlive(c));
        Assert.Equal(3, world.Size);
        Assert.Equal(new[] { 0, 1, 2 }, new[] { a.Id, b.Id, c.Id });
        Assert.All(new[] { a, b, c }, e => Assert.Equal(1, e.Version));
        Assert.All(new[] { a, b, c }, e => Assert.Equal(world.Id, e.WorldId));
    }

    [Fact]
    public void DestroyedHandleIsStaleAndItsIdIsRecycledWithAHigherVersion()
    {
        using var world = World.Create();
        var first = world.Create(new Health(1));
        world.Destroy(first);

        Assert.False(world.IsAlive(first));
        Assert.Equal(0, world.Size);

        var second = world.Create(new Health(2));
        Assert.Equal(first.Id, second.Id);
        Assert.Equal(first.Version + 1, second.Version);
        Assert.NotEqual(first, second);
        Assert.False(world.IsAlive(first));
        Assert.True(world.IsAlive(second));
        Assert.Equal(2, world.Get<Health>(second).Value);

        world.Destroy(second);
        var third = world.Create(new Health(3));
        Assert.Equal(first.Id, third.Id);
        Assert.Equal(3, third.Version);
        Assert.False(world.IsAlive(first));
        Assert.False(world.IsAlive(second));
    }

    [Fact]
    public void NullDefaultAndForeignHandlesAreNotAlive()
    {
        using var world = World.Create();
        using var other = World.Create();
        var foreign = other.Create(new Health(1));
        world.Create(new Health(1));

        Assert.NotEqual(world.Id, other.Id);
        Assert.False(world.IsAlive(Entity.Null));
        Assert.False(world.IsAlive(default));
        Assert.Equal(foreign.Id, world.Create(new Health(2)).Id - 1);
        Assert.False(world.IsAlive(foreign));
        Assert.True(other.IsAlive(foreign));
        Assert.Equal(-1, Entity.Null.Id);
    }

    [Fact]
    public void DestroyingSwapsTheLastRowIntoTheHoleAndKeepsEveryValue()
    {
        using var world = World.Create();
        var entities = new Entity[10];
        for (var i = 0; i < entities.Length; i++)
        {
            entities[i] = world.Create(new Position(i, -i), new Health(i * 10));
        }

        world.Destroy(entities[2]);
        world.Destroy(entities[0]);

        for (var i = 0; i < entities.Length; i++)
        {
            if (i is 0 or 2)
            {
                Assert.False(world.IsAlive(entities[i]));
                continue;
            }

            Assert.Equal(new Position(i, -i), world.Get<Position>(entities[i]));
            Assert.Equal(i * 10, world.Get<Health>(entities[i]).Value);
        }

        // Rows stay packed: the chunk holds exactly the 8 survivors, in rows 0..7.
        var chunks = 0;
        foreach (ref var chunk in world.Query(new QueryDescription().WithAll<Position>()))
        {
            chunks++;
            Assert.Equal(8, chunk.Count);
            var rows = new List<Entity>();
            for (var row = 0; row < chunk.Count; row++)
            {
                rows.Add(chunk.Entity(row));
            }

            rows.Sort();
            Assert.Equal(entities.Where((_, i) => i is not (0 or 2)), rows);
        }

        Assert.Equal(1, chunks);
    }

    [Fact]
    public void ClearKillsEveryEntityAndDestroyedWorldRefusesUse()
    {
        var world = World.Create();
        var e = world.Create(new Health(5));
        world.Clear();
        Assert.False(world.IsAlive(e));
        Assert.Equal(0, world.Size);
        var again = world.Create(new Health(6));
        Assert.Equal(e.Id, again.Id);
        Assert.Equal(e.Version + 1, again.Version);
        World.Destroy(world);
        Assert.Throws<ObjectDisposedException>(() => world.Create(new Health(1)));
        Assert.False(world.IsAlive(again));
    }

    [Fact]
    public void EntityEqualityOrderingAndText()
    {
        using var world = World.Create();
        var a = world.Create(new Health(1));
        var b = world.Create(new Health(2));
        var copy = a;
        Assert.True(a == copy);
        Assert.True(a != b);
        Assert.True(a.CompareTo(b) < 0);
        Assert.Equal(a.GetHashCode(), a.GetHashCode());
        Assert.Equal($"Entity {b.Id}v{b.Version}", b.ToString());
    }
}
