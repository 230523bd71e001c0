using System.Runtime.CompilerServices;

namespace EcsNet.Ecs;

// Change versions: cheap numbers a cache compares to learn that what it was built from has changed. Arch has no such
// API, so these names are the built-in core's own; code that must also run on Arch needs another way to notice.
public sealed partial class World
{
    private readonly ChangeCounter _structureChanges = new();
    private long[] _setVersions = new long[16];

    /// <summary>
    /// A number that grows whenever any entity of the world is created or destroyed, or moves between rows or
    /// archetypes, and never otherwise: one read for a cache that depends on many queries to learn that none changed.
    /// </summary>
    public long GetStructureVersion() => _structureChanges.Value;

    /// <summary>
    /// A number that grows whenever an entity matching <paramref name="description"/> is created or destroyed, or
    /// moves between rows or archetypes (an <c>Add</c> or <c>Remove</c> on it, or a swap-remove of a neighbour), and
    /// never otherwise. Equal numbers mean every matching entity still sits in the same chunk row.
    /// </summary>
    public long GetStructureVersion(in QueryDescription description)
    {
        // Every archetype's version only grows and a new archetype starts empty, so the sum grows with any change.
        long version = 0;
        foreach (var archetype in Query(in description).Archetypes)
        {
            version += archetype.Version;
        }

        return version;
    }

    /// <summary>
    /// The number of <see cref="Set{T}"/> calls for component <typeparamref name="T"/> on any entity so far. Writes
    /// through the reference returned by <see cref="Get{T}"/> or a chunk column are not counted.
    /// </summary>
    public long GetSetVersion<T>()
    {
        var id = Component<T>.ComponentType.Id;
        return id < _setVersions.Length ? _setVersions[id] : 0;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void CountSet(int componentId)
    {
        if ((uint)componentId >= (uint)_setVersions.Length)
        {
            Array.Resize(ref _setVersions, Math.Max(componentId + 1, _setVersions.Length * 2));
        }

        _setVersions[componentId]++;
    }
}
