#if ECS_ARCH
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
#endif

namespace EcsNet;

/// <summary>
/// Notices every change a cached layout of the entities with a <typeparamref name="T"/> depends on: one created,
/// destroyed or moved to another row (any <c>Add</c>/<c>Remove</c> on it or a swap-remove of a neighbour), and a
/// <typeparamref name="T"/> changed with <c>World.Set</c> (a synapse's ends, a neuron's slot). Other components changed
/// by value (weights, η) need no rebuild: the passes read them from their columns every step.
/// </summary>
/// <remarks>
/// The built-in core keeps change versions, so the check is two sums over the few synapse archetypes. Arch has none:
/// there the watch keeps each chunk (its memory and row count) and every row's entity handle and value, and compares
/// them, which notices the same changes (and values written through a reference too) at the cost of one pass over the
/// rows per step.
/// </remarks>
internal sealed class StructureWatch<T>(QueryDescription query)
    where T : unmanaged
{
    private readonly QueryDescription _query = query;

#if ECS_ARCH
    private Chunk[] _chunks = [];
    private int _chunkCount = -1;
    private Entity[] _entities = [];
    private T[] _values = [];
    private int _count = -1;

    /// <summary>Whether the storage is as it was at the last <see cref="Record"/>.</summary>
    public bool Unchanged(World world)
    {
        // The same rows in the same order are not enough: an entity that moves from a one-row archetype to the end of
        // the previous one keeps the sequence but changes chunk. So each chunk must also be the very same memory.
        var i = 0;
        var c = 0;
        foreach (ref var chunk in world.Query(in _query))
        {
            if (c >= _chunkCount || _chunks[c].Count != chunk.Count || !Unsafe.AreSame(ref _chunks[c].Entity(0), ref chunk.Entity(0))
                || !MemoryMarshal.AsBytes(chunk.GetSpan<T>()[..chunk.Count]).SequenceEqual(MemoryMarshal.AsBytes(_values.AsSpan(i, chunk.Count))))
            {
                return false;
            }

            for (var r = 0; r < chunk.Count; r++, i++)
            {
                if (!chunk.Entity(r).Equals(_entities[i]))
                {
                    return false;
                }
            }

            c++;
        }

        return c == _chunkCount && i == _count;
    }

    /// <summary>Remembers the current storage.</summary>
    public void Record(World world)
    {
        var count = world.CountEntities(in _query);
        if (_entities.Length < count)
        {
            _entities = new Entity[count];
            _values = new T[count];
        }

        var chunks = new List<Chunk>();
        var i = 0;
        foreach (ref var chunk in world.Query(in _query))
        {
            chunks.Add(chunk);
            chunk.GetSpan<T>()[..chunk.Count].CopyTo(_values.AsSpan(i));
            for (var r = 0; r < chunk.Count; r++, i++)
            {
                _entities[i] = chunk.Entity(r);
            }
        }

        _chunks = [.. chunks];
        _chunkCount = _chunks.Length;
        _count = count;
    }
#else
    private long _structure = -1;
    private long _sets = -1;

    /// <summary>Whether the synapse storage is as it was at the last <see cref="Record"/>.</summary>
    public bool Unchanged(World world)
        => world.GetStructureVersion(in _query) == _structure && world.GetSetVersion<T>() == _sets;

    /// <summary>Remembers the current synapse storage.</summary>
    public void Record(World world)
    {
        _structure = world.GetStructureVersion(in _query);
        _sets = world.GetSetVersion<T>();
    }
#endif
}
