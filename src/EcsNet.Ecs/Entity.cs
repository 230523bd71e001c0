namespace EcsNet.Ecs;

/// <summary>
/// A handle to an entity: an id into its world's entity index plus a version that changes every time the id is recycled,
/// so a handle kept after <see cref="World.Destroy(Entity)"/> is recognisably stale.
/// </summary>
public readonly struct Entity : IEquatable<Entity>, IComparable<Entity>
{
    /// <summary>The handle that never refers to an entity (id -1).</summary>
    public static readonly Entity Null = new(-1, 0, 0);

    internal Entity(int id, int version, int worldId)
    {
        Id = id;
        Version = version;
        WorldId = worldId;
    }

    /// <summary>The entity's slot in its world's entity index; recycled after destruction.</summary>
    public int Id { get; }

    /// <summary>The version of the slot when this handle was issued; starts at 1 and grows with every recycling.</summary>
    public int Version { get; }

    /// <summary>The id of the world that issued the handle.</summary>
    public int WorldId { get; }

    /// <summary>Whether both handles name the same id, version and world.</summary>
    public bool Equals(Entity other) => Id == other.Id && Version == other.Version && WorldId == other.WorldId;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Entity other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Id, Version, WorldId);

    /// <summary>Orders by id, then version, then world.</summary>
    public int CompareTo(Entity other)
    {
        var byId = Id.CompareTo(other.Id);
        if (byId != 0)
        {
            return byId;
        }

        var byVersion = Version.CompareTo(other.Version);
        return byVersion != 0 ? byVersion : WorldId.CompareTo(other.WorldId);
    }

    /// <summary>Formats as <c>Entity 5v2</c> (id 5, version 2).</summary>
    public override string ToString() => $"Entity {Id}v{Version}";

    /// <summary>Equality of handles.</summary>
    public static bool operator ==(Entity left, Entity right) => left.Equals(right);

    /// <summary>Inequality of handles.</summary>
    public static bool operator !=(Entity left, Entity right) => !left.Equals(right);
}
