using System.Runtime.CompilerServices;

namespace EcsNet.Ecs;

/// <summary>
/// All entities with exactly one set of component types, packed into chunks: every chunk but the last is full, and the
/// chunks beyond <see cref="ChunkCount"/> are empty spares kept for reuse.
/// </summary>
/// <remarks>
/// Chunks are allocated in slabs of 1, 1, 2, 4, ... up to <see cref="MaxSlabChunks"/> chunks: one array per column holds the
/// rows of every chunk of the slab back to back, so iterating a column streams contiguous memory. Each chunk is still an
/// independent ~16 KiB block of rows (its own <see cref="Chunk.Offset"/> into the slab).
/// </remarks>
internal sealed class Archetype
{
    /// <summary>The default chunk size target in bytes (columns plus entity handles).</summary>
    public const int DefaultChunkBytes = 16 * 1024;

    /// <summary>The default smallest number of entities per chunk, however large the components are.</summary>
    public const int DefaultMinimumChunkCapacity = 16;

    /// <summary>The largest number of chunks allocated together in one slab.</summary>
    public const int MaxSlabChunks = 256;

    private readonly ChangeCounter _worldChanges;
    private int _allocatedChunks;

    private Archetype?[] _addEdges = [];
    private Archetype?[] _removeEdges = [];

    public Archetype(int index, ComponentType[] types, int chunkBytes = DefaultChunkBytes, int minimumChunkCapacity = DefaultMinimumChunkCapacity, ChangeCounter? worldChanges = null)
    {
        Index = index;
        _worldChanges = worldChanges ?? new ChangeCounter();
        Types = types;
        Ops = new ColumnOps[types.Length];
        var bytes = Unsafe.SizeOf<Entity>();
        var maxId = -1;
        for (var i = 0; i < types.Length; i++)
        {
            Ops[i] = ComponentRegistry.Ops(types[i].Id);
            bytes += types[i].ByteSize;
            maxId = Math.Max(maxId, types[i].Id);
        }

        ComponentLookup = new int[maxId + 1];
        Array.Fill(ComponentLookup, -1);
        for (var i = 0; i < types.Length; i++)
        {
            ComponentLookup[types[i].Id] = i;
        }

        Bits = BitSet.From(types);
        EntitiesPerChunk = Math.Max(minimumChunkCapacity, chunkBytes / bytes);
        Chunks = [];
    }

    /// <summary>The position of the archetype in its world's archetype list.</summary>
    public int Index { get; }

    /// <summary>The component types, sorted by id.</summary>
    public ComponentType[] Types { get; }

    /// <summary>The column operations, in the order of <see cref="Types"/>.</summary>
    public ColumnOps[] Ops { get; }

    /// <summary>Component id → column index, or -1.</summary>
    public int[] ComponentLookup { get; }

    /// <summary>The component ids as bits.</summary>
    public BitSet Bits { get; }

    /// <summary>The capacity of each chunk.</summary>
    public int EntitiesPerChunk { get; }

    /// <summary>The chunks; <c>0 .. ChunkCount-1</c> are in use.</summary>
    public Chunk[] Chunks { get; private set; }

    /// <summary>The number of chunks in use (each holds at least one entity).</summary>
    public int ChunkCount { get; private set; }

    /// <summary>The number of entities.</summary>
    public int EntityCount { get; private set; }

    /// <summary>Counts every change of which entity sits in which row (a row added, removed, moved or cleared).</summary>
    public long Version { get; private set; }

    public bool Has(int componentId) => (uint)componentId < (uint)ComponentLookup.Length && ComponentLookup[componentId] >= 0;

    /// <summary>Appends an entity in a new row; the row's component values are left as they were (the caller writes them).</summary>
    public void Add(Entity entity, out int chunkIndex, out int row)
    {
        if (ChunkCount == 0 || Chunks[ChunkCount - 1].Count == EntitiesPerChunk)
        {
            OpenChunk();
        }

        chunkIndex = ChunkCount - 1;
        ref var chunk = ref Chunks[chunkIndex];
        row = chunk.Count;
        chunk.EntityColumn[chunk.Offset + row] = entity;
        chunk.Count = row + 1;
        EntityCount++;
        Version++;
        _worldChanges.Value++;
    }

    /// <summary>
    /// Reserves up to <paramref name="wanted"/> rows at the end of the last chunk (opening one if needed);
    /// returns the chunk and first row; the caller fills rows <c>row .. row+reserved-1</c>.
    /// </summary>
    public int Reserve(int wanted, out int chunkIndex, out int row)
    {
        if (ChunkCount == 0 || Chunks[ChunkCount - 1].Count == EntitiesPerChunk)
        {
            OpenChunk();
        }

        chunkIndex = ChunkCount - 1;
        ref var chunk = ref Chunks[chunkIndex];
        row = chunk.Count;
        var reserved = Math.Min(wanted, EntitiesPerChunk - row);
        chunk.Count = row + reserved;
        EntityCount += reserved;
        Version++;
        _worldChanges.Value++;
        return reserved;
    }

    /// <summary>
    /// Removes a row by moving the archetype's last row into it. Returns the entity that moved into the hole,
    /// or <see cref="Entity.Null"/> if the removed row was the last one.
    /// </summary>
    public Entity Remove(int chunkIndex, int row)
    {
        var lastChunkIndex = ChunkCount - 1;
        ref var last = ref Chunks[lastChunkIndex];
        var lastRow = last.Count - 1;
        var moved = Entity.Null;
        if (chunkIndex != lastChunkIndex || row != lastRow)
        {
            ref var hole = ref Chunks[chunkIndex];
            moved = last.EntityColumn[last.Offset + lastRow];
            hole.EntityColumn[hole.Offset + row] = moved;
            var ops = Ops;
            for (var i = 0; i < ops.Length; i++)
            {
                ops[i].Copy(last.Components[i], last.Offset + lastRow, hole.Components[i], hole.Offset + row);
            }
        }

        for (var i = 0; i < Ops.Length; i++)
        {
            Ops[i].Release(last.Components[i], last.Offset + lastRow);
        }

        last.Count = lastRow;
        if (lastRow == 0)
        {
            ChunkCount--;
        }

        EntityCount--;
        Version++;
        _worldChanges.Value++;
        return moved;
    }

    /// <summary>Drops every entity (keeps the chunks for reuse).</summary>
    public void Clear()
    {
        for (var c = 0; c < ChunkCount; c++)
        {
            ref var chunk = ref Chunks[c];
            for (var i = 0; i < Ops.Length; i++)
            {
                Array.Clear(chunk.Components[i], chunk.Offset, chunk.Count);
            }

            chunk.Count = 0;
        }

        ChunkCount = 0;
        EntityCount = 0;
        Version++;
        _worldChanges.Value++;
    }

    /// <summary>Frees the slabs whose chunks are all spare (beyond <see cref="ChunkCount"/>).</summary>
    public void TrimSpareChunks()
    {
        var keep = ChunkCount;
        while (keep < _allocatedChunks && Chunks[keep].Offset != 0)
        {
            keep++; // the rest of a slab that is partly in use
        }

        for (var c = keep; c < _allocatedChunks; c++)
        {
            Chunks[c] = default;
        }

        _allocatedChunks = keep;
        var chunks = Chunks;
        Array.Resize(ref chunks, keep);
        Chunks = chunks;
    }

    public Archetype? GetAddEdge(int componentId) => componentId < _addEdges.Length ? _addEdges[componentId] : null;

    public Archetype? GetRemoveEdge(int componentId) => componentId < _removeEdges.Length ? _removeEdges[componentId] : null;

    public void SetAddEdge(int componentId, Archetype target) => SetEdge(ref _addEdges, componentId, target);

    public void SetRemoveEdge(int componentId, Archetype target) => SetEdge(ref _removeEdges, componentId, target);

    public override string ToString() => $"[{string.Join(", ", Types.Select(t => t.Type.Name))}]";

    private static void SetEdge(ref Archetype?[] edges, int componentId, Archetype target)
    {
        if (componentId >= edges.Length)
        {
            Array.Resize(ref edges, Math.Max(componentId + 1, edges.Length * 2));
        }

        edges[componentId] = target;
    }

    private void OpenChunk()
    {
        if (ChunkCount == _allocatedChunks)
        {
            AllocateSlab();
        }

        ChunkCount++;
    }

    /// <summary>Allocates a slab of chunks: as many as are allocated already (at least 1, at most <see cref="MaxSlabChunks"/>).</summary>
    private void AllocateSlab()
    {
        var slabChunks = Math.Clamp(_allocatedChunks, 1, MaxSlabChunks);
        var rows = slabChunks * EntitiesPerChunk;
        var entities = new Entity[rows];
        var components = new Array[Types.Length];
        for (var i = 0; i < Types.Length; i++)
        {
            components[i] = Ops[i].Allocate(rows);
        }

        var byId = new Array?[ComponentLookup.Length];
        for (var i = 0; i < Types.Length; i++)
        {
            byId[Types[i].Id] = components[i];
        }

        if (_allocatedChunks + slabChunks > Chunks.Length)
        {
            var chunks = Chunks;
            Array.Resize(ref chunks, Math.Max(_allocatedChunks + slabChunks, Chunks.Length * 2));
            Chunks = chunks;
        }

        for (var c = 0; c < slabChunks; c++)
        {
            Chunks[_allocatedChunks + c] = new Chunk(entities, components, ComponentLookup, byId, c * EntitiesPerChunk, EntitiesPerChunk);
        }

        _allocatedChunks += slabChunks;
    }
}
