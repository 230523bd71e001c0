namespace EcsNet.Ecs;

/// <summary>Where an entity id lives: its archetype, chunk and row, and the slot's current version.</summary>
internal struct EntityInfo
{
    /// <summary>The archetype, or null while the slot is free.</summary>
    public Archetype? Archetype;

    public int ChunkIndex;

    public int Row;

    /// <summary>The version a live handle for this slot must carry; bumped when the entity is destroyed.</summary>
    public int Version;
}
