using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace EcsNet.Ecs;

/// <summary>
/// A block of up to <see cref="Capacity"/> entities of one archetype (~16 KiB), stored as structure of arrays: one column per
/// component plus the entity handles. Rows <c>0 .. Count-1</c> are live and packed.
/// </summary>
/// <remarks>
/// A chunk is a struct that refers to its columns, so a copy stays usable (same columns, same values) until the next structural
/// change of its world (create, destroy, add, remove); after one, its <see cref="Count"/> may be stale.
/// The columns of consecutive chunks of an archetype are slices of shared "slab" arrays, so a query walking a component streams
/// through contiguous memory like a plain array does.
/// </remarks>
public partial struct Chunk
{
    /// <summary>The entity column of the slab; this chunk's rows start at <see cref="Offset"/>.</summary>
    internal readonly EcsNet.Ecs.Entity[] EntityColumn;

    /// <summary>The component columns of the slab, in the order of the archetype's sorted component ids.</summary>
    internal readonly Array[] Components;

    /// <summary>Component id → column index, or -1; shared by every chunk of an archetype.</summary>
    internal readonly int[] ComponentLookup;

    /// <summary>Component id → the slab's column of that component, or null: what <see cref="GetSpan{T}"/> reads, one load
    /// instead of the two through <see cref="ComponentLookup"/> (a tiny network's step looks columns up more often than it
    /// reads values from them).</summary>
    internal readonly Array?[] ColumnsById;

    /// <summary>Where this chunk's rows start in the slab's columns.</summary>
    internal readonly int Offset;

    private readonly int _capacity;

    internal Chunk(EcsNet.Ecs.Entity[] entityColumn, Array[] components, int[] componentLookup, Array?[] columnsById, int offset, int capacity)
    {
        EntityColumn = entityColumn;
        Components = components;
        ComponentLookup = componentLookup;
        ColumnsById = columnsById;
        Offset = offset;
        _capacity = capacity;
        Count = 0;
    }

    /// <summary>The number of live rows.</summary>
    public int Count { readonly get; internal set; }

    /// <summary>The number of rows the chunk can hold.</summary>
    public readonly int Capacity => _capacity;

    /// <summary>Whether the chunk has a column for <typeparamref name="T"/>.</summary>
    public readonly bool Has<T>()
    {
        var id = Component<T>.ComponentType.Id;
        return (uint)id < (uint)ComponentLookup.Length && ComponentLookup[id] >= 0;
    }

    /// <summary>The entity handle of a row.</summary>
    /// <exception cref="IndexOutOfRangeException"><paramref name="index"/> is not below <see cref="Capacity"/>.</exception>
    public readonly ref EcsNet.Ecs.Entity Entity(int index)
    {
        if ((uint)index >= (uint)_capacity)
        {
            ThrowIndex(index);
        }

        return ref EntityColumn[Offset + index];
    }

    /// <summary>The column of <typeparamref name="T"/>, <see cref="Capacity"/> long; iterate <c>0 .. Count-1</c>.</summary>
    /// <exception cref="InvalidOperationException">The chunk has no such component.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly Span<T> GetSpan<T>() => MemoryMarshal.CreateSpan(ref ColumnOf<T>(), _capacity);

    /// <summary>A reference to the first element of the column of <typeparamref name="T"/>, for <c>Unsafe.Add</c> loops.</summary>
    /// <exception cref="InvalidOperationException">The chunk has no such component.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly ref T GetFirst<T>() => ref ColumnOf<T>();

    /// <summary>The component <typeparamref name="T"/> of a row.</summary>
    /// <exception cref="InvalidOperationException">The chunk has no such component.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly ref T Get<T>(int index) => ref GetSpan<T>()[index];

    /// <summary>The first element of this chunk's slice of a column (by column index).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal readonly ref T Column<T>(int column) =>
        ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(Unsafe.As<T[]>(Components[column])), Offset);

    /// <summary>The first element of this chunk's slice of the column of <typeparamref name="T"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private readonly ref T ColumnOf<T>()
    {
        var byId = ColumnsById;
        var id = Component<T>.ComponentType.Id;
        if ((uint)id >= (uint)byId.Length || byId[id] is not { } column)
        {
            ThrowMissing(Component<T>.ComponentType);
            return ref Unsafe.NullRef<T>();
        }

        return ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(Unsafe.As<T[]>(column)), Offset);
    }

    /// <summary>The first entity handle of this chunk's slice of the entity column.</summary>
    internal readonly ref EcsNet.Ecs.Entity FirstEntity => ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(EntityColumn), Offset);

    /// <summary>The live entity handles.</summary>
    internal readonly Span<EcsNet.Ecs.Entity> LiveEntities => EntityColumn.AsSpan(Offset, Count);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal readonly int ColumnIndex(ComponentType type)
    {
        var lookup = ComponentLookup;
        var id = type.Id;
        if ((uint)id < (uint)lookup.Length)
        {
            var column = lookup[id];
            if (column >= 0)
            {
                return column;
            }
        }

        ThrowMissing(type);
        return -1;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowMissing(ComponentType type) =>
        throw new InvalidOperationException($"The chunk has no component {type.Type.Name}; include it in the query's WithAll.");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private readonly void ThrowIndex(int index) =>
        throw new IndexOutOfRangeException($"Row {index} is outside the chunk (capacity {_capacity}).");
}
