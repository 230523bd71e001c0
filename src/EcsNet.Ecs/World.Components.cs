using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace EcsNet.Ecs;

// Component access on single entities: no allocation, one index lookup plus one column lookup.
public sealed partial class World
{
    /// <summary>A reference to the entity's component <typeparamref name="T"/>.</summary>
    /// <exception cref="InvalidOperationException">The entity is not alive, or has no such component.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ref T Get<T>(Entity entity)
    {
        ref var info = ref Slot(entity);
        var column = ColumnOrThrow(info.Archetype!, Component<T>.ComponentType, entity);
        ref var chunk = ref info.Archetype!.Chunks[info.ChunkIndex];
        return ref Unsafe.As<T[]>(chunk.Components[column])[chunk.Offset + info.Row];
    }

    /// <summary>Overwrites the entity's component <typeparamref name="T"/> (counted by <see cref="GetSetVersion{T}"/>).</summary>
    /// <exception cref="InvalidOperationException">The entity is not alive, or has no such component.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Set<T>(Entity entity, in T component)
    {
        Get<T>(entity) = component;
        CountSet(Component<T>.ComponentType.Id);
    }

    /// <summary>Whether the living entity has component <typeparamref name="T"/>.</summary>
    /// <exception cref="InvalidOperationException">The entity is not alive.</exception>
    public bool Has<T>(Entity entity) => Slot(entity).Archetype!.Has(Component<T>.ComponentType.Id);

    /// <summary>Whether the living entity has a component of the given type.</summary>
    /// <exception cref="InvalidOperationException">The entity is not alive.</exception>
    public bool Has(Entity entity, ComponentType type) => Slot(entity).Archetype!.Has(type.Id);

    /// <summary>Copies the entity's component <typeparamref name="T"/> if it is alive and has one.</summary>
    public bool TryGet<T>(Entity entity, [MaybeNullWhen(false)] out T component)
    {
        if (IsAlive(entity))
        {
            ref var info = ref _entities[entity.Id];
            var archetype = info.Archetype!;
            var id = Component<T>.ComponentType.Id;
            if (archetype.Has(id))
            {
                ref var chunk = ref archetype.Chunks[info.ChunkIndex];
                component = Unsafe.As<T[]>(chunk.Components[archetype.ComponentLookup[id]])[chunk.Offset + info.Row];
                return true;
            }
        }

        component = default;
        return false;
    }

    /// <summary>The component types of a living entity, sorted by id.</summary>
    /// <exception cref="InvalidOperationException">The entity is not alive.</exception>
    public ComponentType[] GetComponentTypes(Entity entity) => (ComponentType[])Slot(entity).Archetype!.Types.Clone();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int ColumnOrThrow(Archetype archetype, ComponentType type, Entity entity)
    {
        var lookup = archetype.ComponentLookup;
        if ((uint)type.Id < (uint)lookup.Length)
        {
            var column = lookup[type.Id];
            if (column >= 0)
            {
                return column;
            }
        }

        ThrowMissingComponent(archetype, type, entity);
        return -1;
    }

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowMissingComponent(Archetype archetype, ComponentType type, Entity entity) =>
        throw new InvalidOperationException($"{entity} has no component {type.Type.Name} (it has {archetype}).");
}
