namespace EcsNet.Ecs;

/// <summary>A sorted, duplicate-free set of component ids with a precomputed hash: the dictionary key of an archetype.</summary>
internal readonly struct ArchetypeKey : IEquatable<ArchetypeKey>
{
    private readonly int[] _ids;
    private readonly int _hash;

    private ArchetypeKey(int[] ids)
    {
        _ids = ids;
        var hash = new HashCode();
        foreach (var id in ids)
        {
            hash.Add(id);
        }

        _hash = hash.ToHashCode();
    }

    /// <summary>Builds the key of a set of component types; throws on duplicates.</summary>
    public static ArchetypeKey From(ReadOnlySpan<ComponentType> types, out ComponentType[] sorted)
    {
        sorted = types.ToArray();
        Array.Sort(sorted, static (a, b) => a.Id.CompareTo(b.Id));
        var ids = new int[sorted.Length];
        for (var i = 0; i < sorted.Length; i++)
        {
            if (sorted[i].Type is null)
            {
                throw new ArgumentException("default(ComponentType) is not a component type; use Component<T>.ComponentType.", nameof(types));
            }

            if (sorted[i].Type == typeof(ComponentType) || typeof(Type).IsAssignableFrom(sorted[i].Type))
            {
                throw new ArgumentException(
                    $"{sorted[i].Type.Name} cannot be a component. To create an entity from component types, pass an array: "
                    + "world.Create(new ComponentType[] { ... }) or world.Create([typeA, typeB]).",
                    nameof(types));
            }

            if (i > 0 && sorted[i].Id == sorted[i - 1].Id)
            {
                throw new ArgumentException($"Component {sorted[i].Type.Name} is listed twice; an entity holds at most one of each component type.", nameof(types));
            }

            ids[i] = sorted[i].Id;
        }

        return new ArchetypeKey(ids);
    }

    public bool Equals(ArchetypeKey other) => _hash == other._hash && _ids.AsSpan().SequenceEqual(other._ids);

    public override bool Equals(object? obj) => obj is ArchetypeKey other && Equals(other);

    public override int GetHashCode() => _hash;
}
