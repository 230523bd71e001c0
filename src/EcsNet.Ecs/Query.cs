namespace EcsNet.Ecs;

/// <summary>
/// A cached query of one world: the archetypes matching a <see cref="QueryDescription"/>. Matching is incremental: only
/// archetypes created since the last use are tested. Enumerate it to visit chunks by reference:
/// <c>foreach (ref var chunk in world.Query(in description)) { ... }</c>.
/// </summary>
public sealed partial class Query
{
    private readonly World _world;
    private readonly BitSet _all;
    private readonly BitSet _any;
    private readonly BitSet _none;
    private readonly BitSet _exclusive;
    private Archetype[] _matched = new Archetype[4];
    private int _matchedCount;
    private int _archetypesSeen;

    internal Query(World world, QueryDescription description)
    {
        _world = world;
        Description = description;
        _all = BitSet.From(description.All);
        _any = BitSet.From(description.Any);
        _none = BitSet.From(description.None);
        _exclusive = BitSet.From(description.Exclusive);
    }

    /// <summary>The description this query matches.</summary>
    public QueryDescription Description { get; }

    /// <summary>The matching archetypes, re-matched first if the world has created archetypes since the last call.</summary>
    internal ReadOnlySpan<Archetype> Archetypes
    {
        get
        {
            if (_archetypesSeen != _world.ArchetypeCount)
            {
                MatchNewArchetypes();
            }

            return new ReadOnlySpan<Archetype>(_matched, 0, _matchedCount);
        }
    }

    /// <summary>The number of times archetypes were (re)matched; for tests of the cache.</summary>
    internal int MatchCount { get; private set; }

    /// <summary>Whether an archetype's component set satisfies the description.</summary>
    internal bool Matches(Archetype archetype)
    {
        var bits = archetype.Bits;
        if (!_exclusive.IsEmpty)
        {
            return _exclusive.SetEquals(bits);
        }

        return _all.IsSubsetOf(bits) && (_any.IsEmpty || _any.Overlaps(bits)) && !_none.Overlaps(bits);
    }

    /// <summary>Enumerates the non-empty chunks of the matching archetypes by reference.</summary>
    public Enumerator GetEnumerator() => new(Archetypes);

    private void MatchNewArchetypes()
    {
        var archetypes = _world.Archetypes;
        for (var i = _archetypesSeen; i < archetypes.Count; i++)
        {
            if (Matches(archetypes[i]))
            {
                if (_matchedCount == _matched.Length)
                {
                    Array.Resize(ref _matched, _matched.Length * 2);
                }

                _matched[_matchedCount++] = archetypes[i];
            }
        }

        _archetypesSeen = archetypes.Count;
        MatchCount++;
    }

    /// <summary>Walks the non-empty chunks of a query's archetypes, yielding each by reference.</summary>
    public ref struct Enumerator
    {
        private readonly ReadOnlySpan<Archetype> _archetypes;
        private int _archetype;
        private int _chunk;
        private Chunk[] _chunks;
        private int _chunkCount;

        internal Enumerator(ReadOnlySpan<Archetype> archetypes)
        {
            _archetypes = archetypes;
            _archetype = -1;
            _chunk = -1;
            _chunks = [];
            _chunkCount = 0;
        }

        /// <summary>The current chunk.</summary>
        public readonly ref Chunk Current => ref _chunks[_chunk];

        /// <summary>Advances to the next non-empty chunk.</summary>
        public bool MoveNext()
        {
            if (++_chunk < _chunkCount)
            {
                return true;
            }

            while (++_archetype < _archetypes.Length)
            {
                var archetype = _archetypes[_archetype];
                if (archetype.ChunkCount > 0)
                {
                    _chunks = archetype.Chunks;
                    _chunkCount = archetype.ChunkCount;
                    _chunk = 0;
                    return true;
                }
            }

            _chunk = _chunkCount;
            return false;
        }
    }
}
