using System.Runtime.CompilerServices;

namespace EcsNet.Ecs;

/// <summary>Process-wide table of component types: dense ids and the typed column operations behind them.</summary>
internal static class ComponentRegistry
{
    private static readonly Lock Gate = new();
    private static readonly Dictionary<Type, ComponentInfo> ByType = [];
    private static ComponentInfo[] _byId = new ComponentInfo[64];

    /// <summary>The number of registered component types (ids are 0 .. Count-1).</summary>
    public static int Count { get; private set; }

    public static ComponentInfo GetOrAdd(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        lock (Gate)
        {
            if (ByType.TryGetValue(type, out var known))
            {
                return known;
            }

            if (type.IsByRef || type.IsPointer || type.IsGenericTypeDefinition || type == typeof(void))
            {
                throw new ArgumentException($"{type} cannot be a component type.", nameof(type));
            }

            var ops = (ColumnOps)Activator.CreateInstance(typeof(ColumnOps<>).MakeGenericType(type))!;
            var info = new ComponentInfo(new ComponentType(Count, type, ops.ByteSize), ops);
            if (Count == _byId.Length)
            {
                Array.Resize(ref _byId, Count * 2);
            }

            _byId[Count] = info;
            Count++;
            ByType.Add(type, info);
            return info;
        }
    }

    public static ColumnOps Ops(int id) => Volatile.Read(ref _byId)[id].Ops;
}

/// <summary>A registered component type and its column operations.</summary>
internal sealed record ComponentInfo(ComponentType Type, ColumnOps Ops);

/// <summary>Typed operations on a component column stored as an untyped <see cref="Array"/>.</summary>
internal abstract class ColumnOps
{
    public abstract int ByteSize { get; }

    public abstract Array Allocate(int capacity);

    /// <summary>Copies one value between two columns of this type.</summary>
    public abstract void Copy(Array source, int sourceIndex, Array destination, int destinationIndex);

    /// <summary>Resets one value to default.</summary>
    public abstract void Clear(Array column, int index);

    /// <summary>Drops references held by a vacated slot so the garbage collector can reclaim them; no-op for unmanaged types.</summary>
    public abstract void Release(Array column, int index);
}

internal sealed class ColumnOps<T> : ColumnOps
{
    public override int ByteSize => Unsafe.SizeOf<T>();

    public override Array Allocate(int capacity) => new T[capacity];

    public override void Copy(Array source, int sourceIndex, Array destination, int destinationIndex) =>
        Unsafe.As<T[]>(destination)[destinationIndex] = Unsafe.As<T[]>(source)[sourceIndex];

    public override void Clear(Array column, int index) => Unsafe.As<T[]>(column)[index] = default!;

    public override void Release(Array column, int index)
    {
        if (RuntimeHelpers.IsReferenceOrContainsReferences<T>())
        {
            Unsafe.As<T[]>(column)[index] = default!;
        }
    }
}
