using System.Runtime.CompilerServices;

namespace EcsNet.Ecs;

// Entity creation and destruction. The generic Create<T0, ...> overloads are generated (Generated/World.Create.g.cs).
public sealed partial class World
{
    /// <summary>Creates an entity with the given component types, all set to their default values.</summary>
    /// <exception cref="ArgumentException">A component type is listed twice.</exception>
    public Entity Create(params ComponentType[] types)
    {
        ArgumentNullException.ThrowIfNull(types);
        var archetype = GetOrCreateArchetype(types);
        var entity = CreateIn(archetype, out var chunkIndex, out var row);
        ref var chunk = ref archetype.Chunks[chunkIndex];
        for (var i = 0; i < archetype.Ops.Length; i++)
        {
            archetype.Ops[i].Clear(chunk.Components[i], chunk.Offset + row);
        }

        return entity;
    }

    /// <summary>
    /// Destroys a living entity: the archetype's last row moves into its place and the handle (and every copy of it) becomes stale.
    /// </summary>
    /// <exception cref="InvalidOperationException">The entity is not alive.</exception>
    public void Destroy(Entity entity)
    {
        ref var info = ref Slot(entity);
        var moved = info.Archetype!.Remove(info.ChunkIndex, info.Row);
        if (moved.Id >= 0)
        {
            ref var movedInfo = ref _entities[moved.Id];
            movedInfo.ChunkIndex = info.ChunkIndex;
            movedInfo.Row = info.Row;
        }

        info.Archetype = null;
        info.Version = NextVersion(info.Version);
        PushFree(entity.Id);
        Size--;
    }

    /// <summary>Allocates an entity and appends it to an archetype; the caller writes every component of the row.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal Entity CreateIn(Archetype archetype, out int chunkIndex, out int row)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var entity = AllocateEntity();
        archetype.Add(entity, out chunkIndex, out row);
        ref var info = ref _entities[entity.Id];
        info.Archetype = archetype;
        info.ChunkIndex = chunkIndex;
        info.Row = row;
        return entity;
    }

    /// <summary>
    /// Reserves up to <paramref name="amount"/> rows at the end of an archetype (at most the rest of one chunk) and fills them
    /// with new entities; the caller writes the components of rows <c>row .. row+return-1</c> of chunk <paramref name="chunkIndex"/>.
    /// </summary>
    internal int CreateBatchIn(Archetype archetype, int amount, out int chunkIndex, out int row)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        EnsureEntityCapacity(amount);
        var reserved = archetype.Reserve(amount, out chunkIndex, out row);
        var entities = archetype.Chunks[chunkIndex].LiveEntities;
        for (var i = 0; i < reserved; i++)
        {
            var entity = AllocateEntity();
            entities[row + i] = entity;
            ref var info = ref _entities[entity.Id];
            info.Archetype = archetype;
            info.ChunkIndex = chunkIndex;
            info.Row = row + i;
        }

        return reserved;
    }
}
