using System.Runtime.CompilerServices;
namespace EcsNet.Ecs;

/// <summary>
/// Which archetypes a query visits. All: every listed component present; Any: at least one present (ignored when empty);
/// None: none present; Exclusive (when not empty): exactly this component set, and the other filters are ignored.
/// Built fluently: <c>new QueryDescription().WithAll&lt;A, B&gt;().WithNone&lt;C&gt;()</c>.
/// </summary>
public partial struct QueryDescription : IEquatable<QueryDescription>
{
    private ComponentType[]? _all;
    private ComponentType[]? _any;
    private ComponentType[]? _none;
    private ComponentType[]? _exclusive;

    /// <summary>A description from component sets; null means empty.</summary>
    public QueryDescription(ComponentType[]? all = null, ComponentType[]? any = null, ComponentType[]? none = null, ComponentType[]? exclusive = null)
    {
        _all = Normalize(all);
        _any = Normalize(any);
        _none = Normalize(none);
        _exclusive = Normalize(exclusive);
    }

    /// <summary>Components that must all be present (sorted by id; do not modify the array).</summary>
    public ComponentType[] All
    {
        readonly get => _all ?? [];
        set => _all = Normalize(value);
    }

    /// <summary>Components of which at least one must be present, unless empty (sorted by id; do not modify the array).</summary>
    public ComponentType[] Any
    {
        readonly get => _any ?? [];
        set => _any = Normalize(value);
    }

    /// <summary>Components that must all be absent (sorted by id; do not modify the array).</summary>
    public ComponentType[] None
    {
        readonly get => _none ?? [];
        set => _none = Normalize(value);
    }

    /// <summary>When not empty, the exact component set of the matched archetypes (sorted by id; do not modify the array).</summary>
    public ComponentType[] Exclusive
    {
        readonly get => _exclusive ?? [];
        set => _exclusive = Normalize(value);
    }

    /// <summary>Whether both describe the same component sets.</summary>
    public readonly bool Equals(QueryDescription other) =>
        SameSet(_all, other._all) && SameSet(_any, other._any) && SameSet(_none, other._none) && SameSet(_exclusive, other._exclusive);

    /// <inheritdoc/>
    public override readonly bool Equals(object? obj) => obj is QueryDescription other && Equals(other);

    /// <inheritdoc/>
    public override readonly int GetHashCode()
    {
        var hash = new HashCode();
        Add(ref hash, _all);
        Add(ref hash, _any);
        Add(ref hash, _none);
        Add(ref hash, _exclusive);
        return hash.ToHashCode();
    }

    /// <summary>Lists the filters, e.g. <c>All [A, B] None [C]</c>.</summary>
    public override readonly string ToString()
    {
        var parts = new List<string>();
        Describe(parts, "All", _all);
        Describe(parts, "Any", _any);
        Describe(parts, "None", _none);
        Describe(parts, "Exclusive", _exclusive);
        return parts.Count == 0 ? "(every entity)" : string.Join(" ", parts);
    }

    /// <summary>Equality of descriptions.</summary>
    public static bool operator ==(QueryDescription left, QueryDescription right) => left.Equals(right);

    /// <summary>Inequality of descriptions.</summary>
    public static bool operator !=(QueryDescription left, QueryDescription right) => !left.Equals(right);

    /// <summary>Whether the arrays are the very same references as <paramref name="other"/>'s (a cheap cache check).</summary>
    internal readonly bool SameArrays(QueryDescription other) =>
        ReferenceEquals(_all, other._all) && ReferenceEquals(_any, other._any)
        && ReferenceEquals(_none, other._none) && ReferenceEquals(_exclusive, other._exclusive);

    /// <summary>A hash of the arrays' identities (not their contents), for the world's table of recent queries.</summary>
    internal readonly int IdentityHash()
    {
        var hash = RuntimeHelpers.GetHashCode(_all) ^ (RuntimeHelpers.GetHashCode(_any) * 31) ^ (RuntimeHelpers.GetHashCode(_none) * 97);
        return (hash ^ (hash >> 7) ^ (hash >> 15)) & int.MaxValue;
    }

    /// <summary>A copy whose arrays nobody else holds, safe to keep as a cache key.</summary>
    internal readonly QueryDescription Snapshot() => new(_all, _any, _none, _exclusive);

    private static ComponentType[]? Normalize(ComponentType[]? types)
    {
        if (types is null || types.Length == 0)
        {
            return null;
        }

        var copy = (ComponentType[])types.Clone();
        Array.Sort(copy, static (a, b) => a.Id.CompareTo(b.Id));
        return copy;
    }

    private static bool SameSet(ComponentType[]? a, ComponentType[]? b) =>
        ReferenceEquals(a, b) || (a ?? []).AsSpan().SequenceEqual(b ?? []);

    private static void Add(ref HashCode hash, ComponentType[]? types)
    {
        foreach (var type in types ?? [])
        {
            hash.Add(type.Id);
        }

        hash.Add(-1);
    }

    private static void Describe(List<string> parts, string name, ComponentType[]? types)
    {
        if (types is { Length: > 0 })
        {
            parts.Add($"{name} [{string.Join(", ", types.Select(t => t.Type.Name))}]");
        }
    }
}
