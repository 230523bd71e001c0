using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace EcsNet.Ecs;

// Structural changes of one entity: Add/Remove move it to a neighbouring archetype along a cached edge.
public sealed partial class World
{
    /// <summary>Adds component <typeparamref name="T"/> to a living entity, moving it to the archetype with one more component.</summary>
    /// <exception cref="InvalidOperationException">The entity is not alive, or already has the component.</exception>
    public void Add<T>(Entity entity, in T component = default!)
    {
        ref var info = ref Slot(entity);
        var type = Component<T>.ComponentType;
        var source = info.Archetype!;
        if (source.Has(type.Id))
        {
            ThrowAlreadyHas(entity, type);
        }

        var target = source.GetAddEdge(type.Id) ?? CreateAddEdge(source, type);
        Move(entity, ref info, target);
        ref var chunk = ref target.Chunks[info.ChunkIndex];
        Unsafe.As<T[]>(chunk.Components[target.ComponentLookup[type.Id]])[chunk.Offset + info.Row] = component;
    }

    /// <summary>Removes component <typeparamref name="T"/> from a living entity, moving it to the archetype with one component fewer.</summary>
    /// <exception cref="InvalidOperationException">The entity is not alive, or has no such component.</exception>
    public void Remove<T>(Entity entity)
    {
        ref var info = ref Slot(entity);
        var type = Component<T>.ComponentType;
        var source = info.Archetype!;
        if (!source.Has(type.Id))
        {
            ThrowNotPresent(entity, type, source);
        }

        var target = source.GetRemoveEdge(type.Id) ?? CreateRemoveEdge(source, type);
        Move(entity, ref info, target);
    }

    /// <summary>Moves an entity's row to another archetype, copying the components both share.</summary>
    private void Move(Entity entity, ref EntityInfo info, Archetype target)
    {
        var source = info.Archetype!;
        target.Add(entity, out var chunkIndex, out var row);
        ref var from = ref source.Chunks[info.ChunkIndex];
        ref var to = ref target.Chunks[chunkIndex];
        var lookup = target.ComponentLookup;
        var types = source.Types;
        for (var i = 0; i < types.Length; i++)
        {
            var id = types[i].Id;
            if (id < lookup.Length && lookup[id] >= 0)
            {
                source.Ops[i].Copy(from.Components[i], from.Offset + info.Row, to.Components[lookup[id]], to.Offset + row);
            }
        }

        var moved = source.Remove(info.ChunkIndex, info.Row);
        if (moved.Id >= 0)
        {
            ref var movedInfo = ref _entities[moved.Id];
            movedInfo.ChunkIndex = info.ChunkIndex;
            movedInfo.Row = info.Row;
        }

        info.Archetype = target;
        info.ChunkIndex = chunkIndex;
        info.Row = row;
    }

    private Archetype CreateAddEdge(Archetype source, ComponentType type)
    {
        var types = new ComponentType[source.Types.Length + 1];
        source.Types.CopyTo(types, 0);
        types[^1] = type;
        var target = GetOrCreateArchetype(types);
        source.SetAddEdge(type.Id, target);
        target.SetRemoveEdge(type.Id, source);
        return target;
    }

    private Archetype CreateRemoveEdge(Archetype source, ComponentType type)
    {
        var types = source.Types.Where(t => t.Id != type.Id).ToArray();
        var target = GetOrCreateArchetype(types);
        source.SetRemoveEdge(type.Id, target);
        target.SetAddEdge(type.Id, source);
        return target;
    }

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowAlreadyHas(Entity entity, ComponentType type) =>
        throw new InvalidOperationException($"{entity} already has component {type.Type.Name}; use Set to change its value.");

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowNotPresent(Entity entity, ComponentType type, Archetype archetype) =>
        throw new InvalidOperationException($"{entity} has no component {type.Type.Name} to remove (it has {archetype}).");
}
