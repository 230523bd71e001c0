namespace EcsNet.Ecs.Tests;

public class ComponentTests
{
    [Fact]
    public void GetReturnsAReferenceAndSetOverwrites()
    {
        using var world = World.Create();
        var e = world.Create(new Position(1, 2), new Health(3));

        world.Get<Position>(e).X = 10;
        world.Set(e, new Health(30));

        Assert.Equal(new Position(10, 2), world.Get<Position>(e));
        Assert.Equal(30, world.Get<Health>(e).Value);
        Assert.True(world.Has<Position>(e));
        Assert.False(world.Has<Velocity>(e));
        Assert.True(world.Has(e, Component<Health>.ComponentType));
        Assert.True(world.TryGet<Health>(e, out var health));
        Assert.Equal(30, health.Value);
        Assert.False(world.TryGet<Velocity>(e, out _));
    }

    [Fact]
    public void CreateFromASignatureGivesDefaultValuesEvenInReusedRows()
    {
        using var world = World.Create();
        var first = world.Create(new Position(7, 7), new Health(7));
        world.Destroy(first);

        var e = world.Create([Component<Position>.ComponentType, typeof(Health)]);
        Assert.Equal(default, world.Get<Position>(e));
        Assert.Equal(0, world.Get<Health>(e).Value);
        Assert.Equal(new[] { Component<Position>.ComponentType, Component<Health>.ComponentType }.OrderBy(t => t.Id), world.GetComponentTypes(e));
    }

    [Fact]
    public void AddAndRemovePreserveAllOtherValues()
    {
        using var world = World.Create();
        var e = world.Create(new Position(1, 2), new Health(3));
        var neighbour = world.Create(new Position(4, 5), new Health(6));

        world.Add(e, new Velocity(7, 8));
        Assert.Equal(new Position(1, 2), world.Get<Position>(e));
        Assert.Equal(3, world.Get<Health>(e).Value);
        Assert.Equal(new Velocity(7, 8), world.Get<Velocity>(e));

        world.Add<Frozen>(e);
        world.Add(e, new Mass(9.5));
        world.Remove<Health>(e);
        Assert.False(world.Has<Health>(e));
        Assert.Equal(new Position(1, 2), world.Get<Position>(e));
        Assert.Equal(new Velocity(7, 8), world.Get<Velocity>(e));
        Assert.Equal(9.5, world.Get<Mass>(e).Value);
        Assert.True(world.Has<Frozen>(e));

        world.Remove<Velocity>(e);
        world.Remove<Frozen>(e);
        world.Remove<Mass>(e);
        world.Remove<Position>(e);
        Assert.True(world.IsAlive(e));
        Assert.Empty(world.GetComponentTypes(e));

        // The neighbour that shared e's first archetype was moved into e's row and kept its values.
        Assert.Equal(new Position(4, 5), world.Get<Position>(neighbour));
        Assert.Equal(6, world.Get<Health>(neighbour).Value);
    }

    [Fact]
    public void RepeatedTransitionsReuseCachedEdgesAndCreateNoArchetypes()
    {
        using var world = World.Create();
        var entities = Enumerable.Range(0, 100).Select(i => world.Create(new Position(i, i))).ToArray();
        world.Add(entities[0], new Velocity(1, 1));
        world.Remove<Velocity>(entities[0]);
        var archetypes = world.ArchetypeCount;
        var start = world.Archetypes[0];
        var target = start.GetAddEdge(Component<Velocity>.ComponentType.Id);
        Assert.NotNull(target);
        Assert.Same(start, target.GetRemoveEdge(Component<Velocity>.ComponentType.Id));

        for (var round = 0; round < 3; round++)
        {
            foreach (var e in entities)
            {
                world.Add(e, new Velocity(round, -round));
            }

            foreach (var e in entities)
            {
                Assert.Equal(new Velocity(round, -round), world.Get<Velocity>(e));
                world.Remove<Velocity>(e);
            }
        }

        Assert.Equal(archetypes, world.ArchetypeCount);
        for (var i = 0; i < entities.Length; i++)
        {
            Assert.Equal(new Position(i, i), world.Get<Position>(entities[i]));
        }
    }

    [Fact]
    public void ManagedComponentsAreSupported()
    {
        using var world = World.Create();
        var a = world.Create(new Label("a"), new Health(1));
        var b = world.Create(new Label("b"), new Health(2));
        world.Destroy(a);
        world.Add(b, new Position(1, 1));
        Assert.Equal("b", world.Get<Label>(b).Text);
    }

    [Fact]
    public void GetAndSetDoNotAllocate()
    {
        using var world = World.Create();
        var e = world.Create(new Position(1, 2), new Health(3));
        world.Get<Position>(e).X += 1;
        world.Set(e, new Health(4));
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            world.Get<Position>(e).X += 1;
            world.Set(e, new Health(i));
            _ = world.Has<Health>(e);
            _ = world.IsAlive(e);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(1002, world.Get<Position>(e).X);
    }
}
