namespace EcsNet.Ecs;

/// <summary>Identifies a component type within the process: a small dense id, the CLR type and its size in bytes.</summary>
public readonly struct ComponentType : IEquatable<ComponentType>
{
    internal ComponentType(int id, Type type, int byteSize)
    {
        Id = id;
        Type = type;
        ByteSize = byteSize;
    }

    /// <summary>The dense id (0, 1, 2, ...) assigned when the type was first used.</summary>
    public int Id { get; }

    /// <summary>The component's CLR type.</summary>
    public Type Type { get; }

    /// <summary>The size of one component value in bytes.</summary>
    public int ByteSize { get; }

    /// <summary>The component type of a CLR type, registering it on first use.</summary>
    public static implicit operator ComponentType(Type type) => ComponentRegistry.GetOrAdd(type).Type;

    /// <summary>Whether both name the same component type.</summary>
    public bool Equals(ComponentType other) => Id == other.Id;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is ComponentType other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => Id;

    /// <summary>The component type's name.</summary>
    public override string ToString() => Type?.Name ?? "(none)";

    /// <summary>Equality by id.</summary>
    public static bool operator ==(ComponentType left, ComponentType right) => left.Id == right.Id;

    /// <summary>Inequality by id.</summary>
    public static bool operator !=(ComponentType left, ComponentType right) => left.Id != right.Id;
}

/// <summary>The <see cref="ComponentType"/> of <typeparamref name="T"/>, resolved once per type.</summary>
/// <typeparam name="T">The component type.</typeparam>
public static class Component<T>
{
    /// <summary>The component type of <typeparamref name="T"/>.</summary>
    public static readonly ComponentType ComponentType = ComponentRegistry.GetOrAdd(typeof(T)).Type;
}
