namespace EcsNet.Ecs;

/// <summary>Hands out the process-wide ids of the generic component groups (see the generated <c>ComponentGroup&lt;T0, ...&gt;</c>).</summary>
internal static class ComponentGroup
{
    private static int _next = -1;

    public static int NextId() => Interlocked.Increment(ref _next);

    /// <summary>The types sorted by id (duplicates kept; the archetype lookup rejects them).</summary>
    public static ComponentType[] Sorted(params ComponentType[] types)
    {
        Array.Sort(types, static (a, b) => a.Id.CompareTo(b.Id));
        return types;
    }
}
