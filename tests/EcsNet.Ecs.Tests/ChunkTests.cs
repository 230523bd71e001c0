using System.Runtime.CompilerServices;

namespace EcsNet.Ecs.Tests;

public class ChunkTests
{
    private static readonly QueryDescription PositionHealth = new QueryDescription().WithAll<Position, Health>();

    private static int CapacityOf(World world)
    {
        foreach (ref var chunk in world.Query(in PositionHealth))
        {
            return chunk.Capacity;
        }

        throw new InvalidOperationException("no chunk");
    }

    [Fact]
    public void ChunksAreAbout16KiB()
    {
        using var world = World.Create();
        world.Create(new Position(), new Health());
        var capacity = CapacityOf(world);
        var bytesPerEntity = 8 + 4 + 12; // Position, Health, Entity
        Assert.Equal(16 * 1024 / bytesPerEntity, capacity);

        world.Create(new Huge(1));
        foreach (ref var chunk in world.Query(new QueryDescription().WithAll<Huge>()))
        {
            Assert.Equal(Archetype.DefaultMinimumChunkCapacity, chunk.Capacity);
        }
    }

    [Fact]
    public void ChunkSizeAndMinimumRowsFollowTheWorldOptions()
    {
        using var world = World.Create(chunkSizeInBytes: 64 * 1024, minimumAmountOfEntitiesPerChunk: 100);
        world.Create(new Position(), new Health());
        Assert.Equal(64 * 1024 / (8 + 4 + 12), CapacityOf(world));

        world.Create(new Huge(1));
        foreach (ref var chunk in world.Query(new QueryDescription().WithAll<Huge>()))
        {
            Assert.Equal(100, chunk.Capacity); // 64 KiB / 1 KiB rows would be 63
        }
    }

    [Theory]
    [InlineData(1, -1)]
    [InlineData(1, 0)]
    [InlineData(1, 1)]
    [InlineData(2, 0)]
    [InlineData(3, 1)]
    public void EntityCountsAroundChunkCapacityKeepEveryValue(int fullChunks, int offset)
    {
        using var world = World.Create();
        var probe = world.Create(new Position(), new Health());
        var capacity = CapacityOf(world);
        world.Destroy(probe);
        var count = (fullChunks * capacity) + offset;

        var entities = new Entity[count];
        for (var i = 0; i < count; i++)
        {
            entities[i] = world.Create(new Position(i, 2 * i), new Health(i));
        }

        var expectedChunks = (count + capacity - 1) / capacity;
        var chunks = 0;
        var seen = new HashSet<int>();
        foreach (ref var chunk in world.Query(in PositionHealth))
        {
            chunks++;
            Assert.Equal(chunks < expectedChunks ? capacity : count - (capacity * (expectedChunks - 1)), chunk.Count);
            chunk.GetSpan<Position, Health>(out var positions, out var healths);
            Assert.Equal(capacity, positions.Length);
            for (var row = 0; row < chunk.Count; row++)
            {
                var i = healths[row].Value;
                Assert.Equal(new Position(i, 2 * i), positions[row]);
                Assert.Equal(entities[i], chunk.Entity(row));
                Assert.True(seen.Add(i));
            }
        }

        Assert.Equal(expectedChunks, chunks);
        Assert.Equal(count, seen.Count);

        // Destroy the first entity: the very last row moves into chunk 0, row 0, and the last chunk shrinks.
        world.Destroy(entities[0]);
        Assert.Equal(count - 1, world.CountEntities(in PositionHealth));
        for (var i = 1; i < count; i++)
        {
            Assert.Equal(new Position(i, 2 * i), world.Get<Position>(entities[i]));
            Assert.Equal(i, world.Get<Health>(entities[i]).Value);
        }

        foreach (ref var chunk in world.Query(in PositionHealth))
        {
            Assert.Equal(entities[count - 1], chunk.Entity(0));
            break;
        }
    }

    [Fact]
    public void BulkCreateFillsChunksAcrossBoundaries()
    {
        using var world = World.Create();
        world.Create(5, new Huge(7));
        world.Create(40, new Huge(8));
        Assert.Equal(45, world.CountEntities(new QueryDescription().WithAll<Huge>()));
        var counts = new List<int>();
        long sum = 0;
        foreach (ref var chunk in world.Query(new QueryDescription().WithAll<Huge>()))
        {
            counts.Add(chunk.Count);
            ref var first = ref chunk.GetFirst<Huge>();
            for (var i = 0; i < chunk.Count; i++)
            {
                sum += System.Runtime.CompilerServices.Unsafe.Add(ref first, i).Value;
            }
        }

        Assert.Equal(new[] { 16, 16, 13 }, counts);
        Assert.Equal((5 * 7) + (40 * 8), sum);
    }

    [Fact]
    public void AChunkCopyStaysUsableUntilTheNextStructuralChange()
    {
        using var world = World.Create();
        world.Create(100, new Position(1, 1), new Health(1));
        var copies = new List<Chunk>();
        foreach (ref var chunk in world.Query(in PositionHealth))
        {
            copies.Add(chunk);
        }

        foreach (var copy in copies)
        {
            var span = copy.GetSpan<Health>();
            for (var i = 0; i < copy.Count; i++)
            {
                span[i].Value = 42;
            }
        }

        world.Query(in PositionHealth, (ref Health h) => Assert.Equal(42, h.Value));
        Assert.Equal(100, copies.Sum(c => c.Count));
        Assert.True(copies[0].Has<Health>());
        Assert.False(copies[0].Has<Velocity>());
    }

    [Fact]
    public void EachChunkFindsItsOwnSlabsColumnsAndRefusesAbsentOnes()
    {
        // Slabs grow 1, 1, 2, 4 chunks: 5,000 entities of ~680 rows per chunk span several slabs, each with its own
        // column arrays, so a column looked up by component id must come from the chunk's own slab.
        using var world = World.Create();
        world.Create(new Velocity());
        world.Create(new Huge(1));
        const int count = 5_000;
        for (var i = 0; i < count; i++)
        {
            world.Create(new Position(i, -i), new Health(i));
        }

        var seen = 0;
        var chunks = 0;
        foreach (ref var chunk in world.Query(in PositionHealth))
        {
            chunks++;
            var positions = chunk.GetSpan<Position>();
            ref var firstHealth = ref chunk.GetFirst<Health>();
            for (var r = 0; r < chunk.Count; r++)
            {
                var entity = chunk.Entity(r);
                Assert.Equal(world.Get<Position>(entity).X, positions[r].X);
                Assert.Equal(world.Get<Health>(entity).Value, Unsafe.Add(ref firstHealth, r).Value);
                seen++;
            }

            // Components the world knows but this archetype lacks.
            var copy = chunk;
            Assert.Throws<InvalidOperationException>(() => copy.GetSpan<Velocity>());
            var missing = Assert.Throws<InvalidOperationException>(() => copy.GetFirst<Huge>());
            Assert.Contains("no component Huge", missing.Message);
        }

        Assert.Equal(count, seen);
        Assert.True(chunks >= 4, $"{chunks} chunks");
    }
}
