using System.IO.Compression;

namespace EcsNet.Tests.Data;

/// <summary>Paths of the committed fixtures, temporary folders and tiny IDX builders shared by the data and persistence tests.</summary>
internal static class TestFiles
{
    public static string Fixture(string folder, string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", folder, name);

    public static byte[] Idx(int[] dims, byte[] data)
    {
        var bytes = new List<byte> { 0, 0, 0x08, (byte)dims.Length };
        foreach (int d in dims)
        {
            bytes.AddRange([(byte)(d >> 24), (byte)(d >> 16), (byte)(d >> 8), (byte)d]);
        }
        bytes.AddRange(data);
        return [.. bytes];
    }

    public static byte[] Gzip(byte[] raw)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(raw);
        }
        return output.ToArray();
    }
}
