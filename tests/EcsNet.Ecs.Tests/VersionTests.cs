namespace EcsNet.Ecs.Tests;

/// <summary>
/// The change versions caches rely on: a query's structure version moves with every row change of a matching entity
/// and with nothing else; the Set count moves with every Set of its component type.
/// </summary>
public class VersionTests
{
    private static readonly QueryDescription Moving = new QueryDescription().WithAll<Position, Velocity>();
    private static readonly QueryDescription Weighty = new QueryDescription().WithAll<Mass>();

    [Fact]
    public void EveryStructuralChangeOfAMatchingEntityMovesTheVersion()
    {
        using var world = World.Create();
        var seen = new List<long> { world.GetStructureVersion(in Moving) };
        void Changed() => seen.Add(world.GetStructureVersion(in Moving));

        var a = world.Create(new Position(1, 2), new Velocity(3, 4));
        Changed();
        var b = world.Create(new Position(5, 6), new Velocity(7, 8));
        Changed();
        world.Add(a, new Health(3));
        Changed();
        world.Remove<Health>(a);
        Changed();
        world.Destroy(b);
        Changed();
        world.Create(2, new Position(0, 0), new Velocity(0, 0));
        Changed();

        // Strictly increasing: no two states share a version.
        for (var i = 1; i < seen.Count; i++)
        {
            Assert.True(seen[i] > seen[i - 1], $"change {i}: {seen[i]} after {seen[i - 1]}");
        }
    }

    [Fact]
    public void ChangesOutsideTheQueryAndValueWritesLeaveTheVersion()
    {
        using var world = World.Create();
        var a = world.Create(new Position(1, 2), new Velocity(3, 4));
        var before = world.GetStructureVersion(in Moving);

        var other = world.Create(new Mass(1));
        world.Add(other, new Health(1));
        world.Destroy(other);
        world.Set(a, new Position(9, 9));
        world.Get<Velocity>(a).X = 5;

        Assert.Equal(before, world.GetStructureVersion(in Moving));
        Assert.NotEqual(0, world.GetStructureVersion(in Weighty));
    }

    [Fact]
    public void ACountPreservingPairStillMovesTheVersion()
    {
        using var world = World.Create();
        var a = world.Create(new Position(1, 2), new Velocity(3, 4));
        world.Create(new Position(5, 6), new Velocity(7, 8));
        var before = world.GetStructureVersion(in Moving);

        // Destroy one and create another: the same count in the same chunk, a different entity in the row.
        world.Destroy(a);
        world.Create(new Position(0, 0), new Velocity(0, 0));

        Assert.NotEqual(before, world.GetStructureVersion(in Moving));
    }

    [Fact]
    public void TheWorldVersionMovesWithEveryStructuralChangeAnywhereAndNotWithValues()
    {
        using var world = World.Create();
        var seen = new List<long> { world.GetStructureVersion() };
        void Changed() => seen.Add(world.GetStructureVersion());

        var a = world.Create(new Position(1, 2), new Velocity(3, 4));
        Changed();
        var other = world.Create(new Mass(1));
        Changed();
        world.Add(other, new Health(1));
        Changed();
        world.Remove<Health>(other);
        Changed();
        world.Destroy(other);
        Changed();
        world.Create(3, new Mass(2));
        Changed();
        world.Clear();
        Changed();

        for (var i = 1; i < seen.Count; i++)
        {
            Assert.True(seen[i] > seen[i - 1], $"change {i}: {seen[i]} after {seen[i - 1]}");
        }

        var b = world.Create(new Position(1, 2), new Velocity(3, 4));
        var before = world.GetStructureVersion();
        world.Set(b, new Position(9, 9));
        world.Get<Velocity>(b).X = 5;
        _ = world.Query(in Weighty);
        Assert.Equal(before, world.GetStructureVersion());
        Assert.True(world.IsAlive(b) && !world.IsAlive(a));
    }

    [Fact]
    public void SetCountsEveryWriteOfItsTypeOnly()
    {
        using var world = World.Create();
        var a = world.Create(new Position(1, 2), new Velocity(3, 4));
        Assert.Equal(0, world.GetSetVersion<Position>());

        world.Set(a, new Position(2, 2));
        world.Set(a, new Position(3, 3));
        world.Set(a, new Velocity(0, 0));

        Assert.Equal(2, world.GetSetVersion<Position>());
        Assert.Equal(1, world.GetSetVersion<Velocity>());
        Assert.Equal(0, world.GetSetVersion<Mass>());
    }
}
