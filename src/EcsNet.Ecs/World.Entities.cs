using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace EcsNet.Ecs;

// The entity index: id → (archetype, chunk, row, version), with a free list of destroyed ids for recycling.
public sealed partial class World
{
    private EntityInfo[] _entities;
    private int[] _free = new int[16];
    private int _freeCount;
    private int _highWater;

    /// <summary>Whether the handle names a living entity of this world (false for stale, null and foreign handles).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool IsAlive(Entity entity)
    {
        var entities = _entities;
        return (uint)entity.Id < (uint)entities.Length
            && entity.WorldId == Id
            && entities[entity.Id].Version == entity.Version
            && entities[entity.Id].Archetype is not null;
    }

    /// <summary>The slot of a living entity; throws a clear exception for dead handles.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal ref EntityInfo Slot(Entity entity)
    {
        var entities = _entities;
        if ((uint)entity.Id < (uint)entities.Length && entity.WorldId == Id)
        {
            ref var info = ref entities[entity.Id];
            if (info.Version == entity.Version && info.Archetype is not null)
            {
                return ref info;
            }
        }

        ThrowNotAlive(entity);
        return ref Unsafe.NullRef<EntityInfo>();
    }

    /// <summary>Takes a free id (recycled first) and returns the handle for it; the caller places the entity.</summary>
    private Entity AllocateEntity()
    {
        int id;
        if (_freeCount > 0)
        {
            id = _free[--_freeCount];
        }
        else
        {
            id = _highWater++;
            if (id == _entities.Length)
            {
                Array.Resize(ref _entities, _entities.Length * 2);
            }

            _entities[id].Version = 1;
        }

        Size++;
        return new Entity(id, _entities[id].Version, Id);
    }

    /// <summary>Makes sure <paramref name="amount"/> more entities fit in the index without further resizing.</summary>
    private void EnsureEntityCapacity(int amount)
    {
        var needed = _highWater + Math.Max(0, amount - _freeCount);
        if (needed > _entities.Length)
        {
            Array.Resize(ref _entities, (int)Math.Min(Array.MaxLength, Math.Max(needed, (long)_entities.Length * 2)));
        }
    }

    private void PushFree(int id)
    {
        if (_freeCount == _free.Length)
        {
            Array.Resize(ref _free, _free.Length * 2);
        }

        _free[_freeCount++] = id;
    }

    private static int NextVersion(int version) => version == int.MaxValue ? 1 : version + 1;

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void ThrowNotAlive(Entity entity)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (entity.WorldId != Id)
        {
            throw new InvalidOperationException($"{entity} belongs to world {entity.WorldId}, not to world {Id}.");
        }

        throw new InvalidOperationException($"{entity} is not alive in world {Id} (it was destroyed, or its id was recycled, or it was never created).");
    }
}
