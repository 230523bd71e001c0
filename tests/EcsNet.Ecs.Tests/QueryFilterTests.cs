namespace EcsNet.Ecs.Tests;

public class QueryFilterTests
{
    private readonly World _world = World.Create();
    private readonly Entity _p;
    private readonly Entity _pv;
    private readonly Entity _pvm;
    private readonly Entity _m;
    private readonly Entity _pf;

    public QueryFilterTests()
    {
        _p = _world.Create(new Position(1, 0));
        _pv = _world.Create(new Position(2, 0), new Velocity(1, 0));
        _pvm = _world.Create(new Position(3, 0), new Velocity(1, 0), new Mass(1));
        _m = _world.Create(new Mass(2));
        _pf = _world.Create(new Position(4, 0), new Frozen());
    }

    private Entity[] Matching(in QueryDescription description)
    {
        var entities = new Entity[_world.CountEntities(in description)];
        _world.GetEntities(in description, entities);
        Array.Sort(entities);
        return entities;
    }

    [Fact]
    public void AllRequiresEveryListedComponent()
    {
        Assert.Equal(new[] { _p, _pv, _pvm, _pf }, Matching(new QueryDescription().WithAll<Position>()));
        Assert.Equal(new[] { _pv, _pvm }, Matching(new QueryDescription().WithAll<Position, Velocity>()));
        Assert.Equal(new[] { _pvm }, Matching(new QueryDescription().WithAll<Velocity, Mass, Position>()));
    }

    [Fact]
    public void AnyRequiresAtLeastOne()
    {
        Assert.Equal(new[] { _pv, _pvm, _m }, Matching(new QueryDescription().WithAny<Velocity, Mass>()));
        Assert.Equal(new[] { _pvm }, Matching(new QueryDescription().WithAll<Position>().WithAny<Mass>()));
    }

    [Fact]
    public void NoneExcludesEveryListedComponent()
    {
        Assert.Equal(new[] { _p, _pv }, Matching(new QueryDescription().WithAll<Position>().WithNone<Mass, Frozen>()));
        Assert.Equal(new[] { _p, _pf }, Matching(new QueryDescription().WithNone<Velocity, Mass>()));
    }

    [Fact]
    public void ExclusiveRequiresExactlyTheSet()
    {
        Assert.Equal(new[] { _pv }, Matching(new QueryDescription().WithExclusive<Velocity, Position>()));
        Assert.Equal(new[] { _p }, Matching(new QueryDescription().WithExclusive<Position>()));
        Assert.Empty(Matching(new QueryDescription().WithExclusive<Velocity>()));
    }

    [Fact]
    public void EmptyDescriptionMatchesEveryEntity()
    {
        Assert.Equal(new[] { _p, _pv, _pvm, _m, _pf }, Matching(new QueryDescription()));
        Assert.Equal(5, _world.Size);
    }

    [Fact]
    public void DescriptionEqualityIgnoresTypeOrderAndConstructorForm()
    {
        var a = new QueryDescription().WithAll<Position, Velocity>().WithNone<Mass>();
        var b = new QueryDescription(all: [typeof(Velocity), typeof(Position)], none: [Component<Mass>.ComponentType]);
        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.Same(_world.Query(in a), _world.Query(in b));
        Assert.NotEqual(a, new QueryDescription().WithAll<Position, Velocity>());
    }

    [Fact]
    public void CachedQueryRematchesOnlyWhenANewArchetypeAppears()
    {
        var description = new QueryDescription().WithAll<Position>().WithNone<Frozen>();
        var query = _world.Query(in description);
        Assert.Equal(3, _world.CountEntities(in description));
        var matches = query.MatchCount;

        // New entities in existing archetypes and structural changes along existing edges: no re-match.
        _world.Create(new Position(9, 9));
        _world.Destroy(_p);
        Assert.Equal(3, _world.CountEntities(in description));
        Assert.Equal(matches, query.MatchCount);

        // A new archetype (Position, Health) appears after the query was first used: it must be picked up.
        var e = _world.Create(new Position(5, 5), new Health(1));
        Assert.Equal(4, _world.CountEntities(in description));
        Assert.Equal(matches + 1, query.MatchCount);
        Assert.Contains(e, Matching(in description));

        // A new archetype reached by Add is picked up too, and one the filter rejects is not.
        _world.Add(e, new Mass(1));
        _world.Add(_pv, new Frozen());
        Assert.Equal(3, _world.CountEntities(in description));
        Assert.DoesNotContain(_pv, Matching(in description));
        Assert.Same(query, _world.Query(in description));
    }
}
