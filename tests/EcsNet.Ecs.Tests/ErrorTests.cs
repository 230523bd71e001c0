namespace EcsNet.Ecs.Tests;

public class ErrorTests
{
    [Fact]
    public void GetOnADeadEntityNamesTheEntity()
    {
        using var world = World.Create();
        var e = world.Create(new Health(1));
        world.Destroy(e);
        var ex = Assert.Throws<InvalidOperationException>(() => world.Get<Health>(e));
        Assert.StartsWith($"Entity {e.Id}v{e.Version} is not alive", ex.Message);
        Assert.Throws<InvalidOperationException>(() => world.Set(e, new Health(2)));
        Assert.Throws<InvalidOperationException>(() => world.Destroy(e));
        Assert.Throws<InvalidOperationException>(() => world.Add(e, new Position()));
        Assert.Throws<InvalidOperationException>(() => world.Has<Health>(e));
        Assert.False(world.TryGet<Health>(e, out _));
    }

    [Fact]
    public void GetOfAMissingComponentNamesIt()
    {
        using var world = World.Create();
        var e = world.Create(new Health(1));
        var ex = Assert.Throws<InvalidOperationException>(() => world.Get<Position>(e));
        Assert.Contains($"{e} has no component Position", ex.Message);
    }

    [Fact]
    public void AddOfAPresentAndRemoveOfAnAbsentComponentThrowAndChangeNothing()
    {
        using var world = World.Create();
        var e = world.Create(new Health(1));
        var add = Assert.Throws<InvalidOperationException>(() => world.Add(e, new Health(2)));
        Assert.Contains("already has component Health", add.Message);
        var remove = Assert.Throws<InvalidOperationException>(() => world.Remove<Position>(e));
        Assert.Contains("has no component Position to remove", remove.Message);
        Assert.Equal(1, world.Get<Health>(e).Value);
        Assert.Equal(new[] { Component<Health>.ComponentType }, world.GetComponentTypes(e));
    }

    [Fact]
    public void DuplicateComponentTypesAreRejected()
    {
        using var world = World.Create();
        var ex = Assert.Throws<ArgumentException>(() => world.Create(new Health(1), new Health(2)));
        Assert.Contains("Health is listed twice", ex.Message);
        var signature = Assert.Throws<ArgumentException>(() => world.Create([Component<Mass>.ComponentType, Component<Mass>.ComponentType]));
        Assert.Contains("Mass is listed twice", signature.Message);

        // Mixing ComponentType and Type without an array binds to the generic Create<ComponentType, Type>; that is refused clearly.
        var misuse = Assert.Throws<ArgumentException>(() => world.Create(Component<Mass>.ComponentType, typeof(Health)));
        Assert.Contains("cannot be a component", misuse.Message);
        Assert.Equal(0, world.Size);

        // Only ComponentType arguments bind to Create(params ComponentType[]).
        var e = world.Create(Component<Mass>.ComponentType, Component<Health>.ComponentType);
        Assert.True(world.Has<Mass>(e) && world.Has<Health>(e));
        world.Destroy(e);
        Assert.Equal(0, world.Size);
    }

    [Fact]
    public void ATypedQueryOverADescriptionWithoutTheComponentSaysSo()
    {
        using var world = World.Create();
        world.Create(new Health(1));
        var description = new QueryDescription().WithAll<Health>();
        var ex = Assert.Throws<InvalidOperationException>(() => world.Query(in description, (ref Position p) => p.X++));
        Assert.Contains("has no component Position", ex.Message);
        Assert.Throws<InvalidOperationException>(() => world.ParallelQuery(in description, (ref Position p) => p.X++));
        foreach (ref var chunk in world.Query(in description))
        {
            var threw = false;
            try
            {
                chunk.GetSpan<Position>();
            }
            catch (InvalidOperationException)
            {
                threw = true;
            }

            Assert.True(threw);
        }
    }

    [Fact]
    public void GetEntitiesRefusesAShortSpan()
    {
        using var world = World.Create();
        world.Create(3, new Health(1));
        var description = new QueryDescription().WithAll<Health>();
        Assert.Throws<ArgumentException>(() => world.GetEntities(in description, new Entity[2]));
    }
}
