using EcsNet.Data;

namespace EcsNet.Tests.Data;

public class IdxReaderTests
{
    // A 2×2×3 array written byte by byte as the IDX format specifies: magic 00 00 08 03, sizes big-endian, data.
    private static readonly byte[] Tiny =
    [
        0x00, 0x00, 0x08, 0x03,
        0x00, 0x00, 0x00, 0x02,
        0x00, 0x00, 0x00, 0x02,
        0x00, 0x00, 0x00, 0x03,
        1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 255,
    ];

    private static void AssertTiny(IdxArray a)
    {
        Assert.Equal([2, 2, 3], a.Dimensions);
        Assert.Equal(2, a.Count);
        Assert.Equal(6, a.ItemSize);
        Assert.Equal(0x08, a.ElementType);
        Assert.Equal(Tiny[16..], a.Data);
    }

    [Fact]
    public void ReadsRawStream() => AssertTiny(IdxReader.Read(new MemoryStream(Tiny), "tiny"));

    [Fact]
    public void ReadsGzipStreamByMagicBytes() => AssertTiny(IdxReader.Read(new MemoryStream(TestFiles.Gzip(Tiny)), "tiny"));

    [Fact]
    public void ReadsNonSeekableStreams()
    {
        AssertTiny(IdxReader.Read(new NonSeekableStream(new MemoryStream(Tiny)), "pipe"));
        AssertTiny(IdxReader.Read(new NonSeekableStream(new MemoryStream(TestFiles.Gzip(Tiny))), "pipe"));
    }

    [Fact]
    public void ReadsFilesWhateverTheirName()
    {
        using var folder = new TempFolder();
        File.WriteAllBytes(folder.File("a.idx"), Tiny);
        File.WriteAllBytes(folder.File("b.idx"), TestFiles.Gzip(Tiny));
        AssertTiny(IdxReader.Read(folder.File("a.idx")));
        AssertTiny(IdxReader.Read(folder.File("b.idx")));
    }

    [Fact]
    public void ReadsEmptyArray()
    {
        var a = IdxReader.Read(new MemoryStream(TestFiles.Idx([0, 28, 28], [])), "empty");
        Assert.Equal(0, a.Count);
        Assert.Empty(a.Data);
    }

    [Fact]
    public void ErrorsNameTheSource()
    {
        var e = Assert.Throws<DataFormatException>(() => IdxReader.Read(new MemoryStream(Tiny[..20]), "my-images"));
        Assert.Equal("my-images", e.Source);
        Assert.StartsWith("my-images: short data", e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void HugeDeclaredSizeInGzipIsRejectedWithoutAllocatingIt()
    {
        // Declares 100,000 × 100 × 100 = 1e9 bytes (under the 1 GiB limit) but holds 10.
        byte[] gz = TestFiles.Gzip(TestFiles.Idx([100_000, 100, 100], new byte[10]));
        long before = GC.GetAllocatedBytesForCurrentThread();
        var e = Assert.Throws<DataFormatException>(() => IdxReader.Read(new MemoryStream(gz), "liar.gz"));
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Contains("short data", e.Message);
        Assert.True(allocated < 8 << 20, $"allocated {allocated} bytes");
    }
}
