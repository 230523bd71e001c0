namespace EcsNet.Ecs;

/// <summary>
/// An archetype ECS world: entities with components stored per archetype in ~16 KiB structure-of-arrays chunks.
/// Like Arch's, a world is not thread-safe: call it from one thread at a time. <c>ParallelQuery</c> spreads one query's chunks
/// over the thread pool; its body may read and write the components it is given, but must not change the world's structure.
/// </summary>
public sealed partial class World : IDisposable
{
    private static readonly Lock WorldIdGate = new();
    private static readonly SortedSet<int> FreeWorldIds = [];
    private static int _nextWorldId;

    private readonly List<Archetype> _archetypes = [];
    private readonly Dictionary<ArchetypeKey, Archetype> _archetypesByKey = [];
    private Archetype?[] _archetypesByGroup = [];
    private bool _disposed;

    private readonly int _chunkBytes;
    private readonly int _minimumChunkCapacity;

    private World(int id, int entityCapacity, int chunkBytes, int minimumChunkCapacity)
    {
        Id = id;
        _chunkBytes = chunkBytes;
        _minimumChunkCapacity = minimumChunkCapacity;
        _entities = new EntityInfo[Math.Max(16, entityCapacity)];
    }

    /// <summary>The world's id, carried by its entities as <see cref="Entity.WorldId"/>; reused after <see cref="Destroy(World)"/>.</summary>
    public int Id { get; }

    /// <summary>The number of living entities.</summary>
    public int Size { get; private set; }

    /// <summary>The number of entity slots allocated (living, free and recycled).</summary>
    public int Capacity => _entities.Length;

    /// <summary>Creates an empty world (the parameters are Arch's, by name and meaning).</summary>
    /// <param name="chunkSizeInBytes">The target size of a chunk (all columns plus entity handles): larger chunks mean
    /// longer contiguous runs of a column.</param>
    /// <param name="minimumAmountOfEntitiesPerChunk">The fewest rows a chunk holds, however large the components are.</param>
    /// <param name="archetypeCapacity">Archetype slots to allocate up front.</param>
    /// <param name="entityCapacity">Entity slots to allocate up front (grows on demand).</param>
    public static World Create(
        int chunkSizeInBytes = Archetype.DefaultChunkBytes,
        int minimumAmountOfEntitiesPerChunk = Archetype.DefaultMinimumChunkCapacity,
        int archetypeCapacity = 2,
        int entityCapacity = 1024)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(entityCapacity);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(chunkSizeInBytes);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(minimumAmountOfEntitiesPerChunk);
        ArgumentOutOfRangeException.ThrowIfNegative(archetypeCapacity);
        int id;
        lock (WorldIdGate)
        {
            if (FreeWorldIds.Count > 0)
            {
                id = FreeWorldIds.Min;
                FreeWorldIds.Remove(id);
            }
            else
            {
                id = _nextWorldId++;
            }
        }

        return new World(id, entityCapacity, chunkSizeInBytes, minimumAmountOfEntitiesPerChunk);
    }

    /// <summary>Destroys a world: drops all entities and releases its id.</summary>
    public static void Destroy(World world)
    {
        ArgumentNullException.ThrowIfNull(world);
        world.Dispose();
    }

    /// <summary>Drops all entities and archetypes and releases the world id; the world must not be used afterwards.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _archetypes.Clear();
        _archetypesByKey.Clear();
        _archetypesByGroup = [];
        _queries.Clear();
        _recent = new RecentQuery[RecentQueries];
        _entities = [];
        _free = [];
        _freeCount = 0;
        _highWater = 0;
        Size = 0;
        lock (WorldIdGate)
        {
            FreeWorldIds.Add(Id);
        }
    }

    /// <summary>Destroys every entity (all handles become stale) but keeps archetypes, chunks and cached queries.</summary>
    public void Clear()
    {
        foreach (var archetype in _archetypes)
        {
            archetype.Clear();
        }

        for (var id = 0; id < _highWater; id++)
        {
            ref var info = ref _entities[id];
            if (info.Archetype is not null)
            {
                info.Archetype = null;
                info.Version = NextVersion(info.Version);
                PushFree(id);
            }
        }

        Size = 0;
    }

    /// <summary>Releases memory held for entities that no longer exist: spare chunks of every archetype.</summary>
    public void TrimExcess()
    {
        foreach (var archetype in _archetypes)
        {
            archetype.TrimSpareChunks();
        }
    }

    /// <summary>The number of archetypes created so far; grows only, and any growth makes cached queries re-match.</summary>
    internal int ArchetypeCount => _archetypes.Count;

    internal List<Archetype> Archetypes => _archetypes;

    /// <summary>The archetype of a generic component group (see <c>ComponentGroup&lt;...&gt;</c>), created on first use.</summary>
    internal Archetype GetOrCreateArchetype(int groupId, ComponentType[] sortedTypes)
    {
        var byGroup = _archetypesByGroup;
        if ((uint)groupId < (uint)byGroup.Length && byGroup[groupId] is { } known)
        {
            return known;
        }

        var archetype = GetOrCreateArchetype(sortedTypes);
        if (groupId >= _archetypesByGroup.Length)
        {
            Array.Resize(ref _archetypesByGroup, Math.Max(groupId + 1, _archetypesByGroup.Length * 2));
        }

        _archetypesByGroup[groupId] = archetype;
        return archetype;
    }

    /// <summary>The archetype of a set of component types (any order), created on first use.</summary>
    internal Archetype GetOrCreateArchetype(ReadOnlySpan<ComponentType> types)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var key = ArchetypeKey.From(types, out var sorted);
        if (_archetypesByKey.TryGetValue(key, out var archetype))
        {
            return archetype;
        }

        archetype = new Archetype(_archetypes.Count, sorted, _chunkBytes, _minimumChunkCapacity, _structureChanges);
        _archetypes.Add(archetype);
        _archetypesByKey.Add(key, archetype);
        return archetype;
    }
}
