using System.Buffers;
using System.Runtime.CompilerServices;

namespace EcsNet.Ecs;

// Queries: the per-world cache of Query objects, counting and listing entities. The typed Query/InlineQuery/ParallelQuery
// overloads are generated (Generated/World.Query.g.cs).
public sealed partial class World
{
    private const int RecentQueries = 64;

    private readonly Dictionary<QueryDescription, Query> _queries = [];
    private RecentQuery[] _recent = new RecentQuery[RecentQueries];

    /// <summary>The cached query for a description (created on first use); enumerate it for chunks.</summary>
    public Query Query(in QueryDescription description)
    {
        // Fast path: a description whose arrays were seen recently (typically a static readonly description used every
        // step), found by the arrays' identity in a small direct-mapped table: no hashing of the component lists.
        ref var recent = ref _recent[description.IdentityHash() & (RecentQueries - 1)];
        if (recent.Query is not null && description.SameArrays(recent.Caller))
        {
            return recent.Query;
        }

        ObjectDisposedException.ThrowIf(_disposed, this);
        if (!_queries.TryGetValue(description, out var query))
        {
            var key = description.Snapshot();
            query = new Query(this, key);
            _queries.Add(key, query);
        }

        recent = new RecentQuery(description, query);
        return query;
    }

    /// <summary>A description as a caller passed it (its arrays by reference) and its cached query.</summary>
    private readonly record struct RecentQuery(QueryDescription Caller, Query? Query);

    /// <summary>The number of living entities matching a description.</summary>
    public int CountEntities(in QueryDescription description)
    {
        var count = 0;
        foreach (var archetype in Query(in description).Archetypes)
        {
            count += archetype.EntityCount;
        }

        return count;
    }

    /// <summary>Writes the entities matching a description into <paramref name="destination"/> (in chunk order).</summary>
    /// <exception cref="ArgumentException">The span is shorter than <see cref="CountEntities"/>.</exception>
    public void GetEntities(in QueryDescription description, Span<Entity> destination)
    {
        var needed = CountEntities(in description);
        if (destination.Length < needed)
        {
            throw new ArgumentException($"The destination holds {destination.Length} entities but {needed} match {description}.", nameof(destination));
        }

        var written = 0;
        foreach (ref var chunk in Query(in description))
        {
            chunk.LiveEntities.CopyTo(destination[written..]);
            written += chunk.Count;
        }
    }

    /// <summary>Column index of <typeparamref name="T"/> in an archetype a typed query visits; a clear error if the query lacks it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static int QueryColumn<T>(Archetype archetype)
    {
        var id = Component<T>.ComponentType.Id;
        var lookup = archetype.ComponentLookup;
        if ((uint)id < (uint)lookup.Length && lookup[id] >= 0)
        {
            return lookup[id];
        }

        throw new InvalidOperationException(
            $"The query visits archetype {archetype}, which has no component {typeof(T).Name}; add it to the description's WithAll.");
    }

    /// <summary>Copies the non-empty chunks of a query into a pooled array (return it with <see cref="ReturnChunks"/>).</summary>
    internal static Chunk[] RentChunks(ReadOnlySpan<Archetype> archetypes, out int count)
    {
        count = 0;
        foreach (var archetype in archetypes)
        {
            count += archetype.ChunkCount;
        }

        var chunks = ArrayPool<Chunk>.Shared.Rent(Math.Max(1, count));
        var written = 0;
        foreach (var archetype in archetypes)
        {
            archetype.Chunks.AsSpan(0, archetype.ChunkCount).CopyTo(chunks.AsSpan(written));
            written += archetype.ChunkCount;
        }

        return chunks;
    }

    internal static void ReturnChunks(Chunk[] chunks) => ArrayPool<Chunk>.Shared.Return(chunks, clearArray: true);
}
