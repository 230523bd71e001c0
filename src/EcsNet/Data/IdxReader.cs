using System.IO.Compression;

namespace EcsNet.Data;

/// <summary>
/// Reads IDX files (the MNIST format: magic 00 00 type ndims, then ndims big-endian 32-bit sizes, then the data),
/// raw or gzip-compressed; gzip is detected by its magic bytes 1f 8b, not by the file name.
/// </summary>
/// <remarks>
/// Untrusted input is assumed: declared sizes are checked against <see cref="MaxDataBytes"/> and, for raw seekable
/// streams, against the actual length before anything is allocated; compressed data is decompressed no further than
/// the declared size plus one byte, and buffers grow only as data actually arrives, so a forged header cannot cause
/// an out-of-memory. Short data and trailing data are both rejected.
/// </remarks>
public static class IdxReader
{
    /// <summary>Largest data section accepted, in bytes (1 GiB).</summary>
    public const long MaxDataBytes = 1L << 30;

    private const int InitialChunk = 1 << 20;

    /// <summary>Reads the IDX file at <paramref name="path"/>.</summary>
    /// <param name="path">File path; the messages of errors name it.</param>
    /// <exception cref="DataFormatException">The file is not a valid unsigned-byte IDX file.</exception>
    /// <exception cref="IOException">The file cannot be opened (e.g. <see cref="FileNotFoundException"/>).</exception>
    public static IdxArray Read(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        return Read(stream, path);
    }

    /// <summary>Reads an IDX array from <paramref name="stream"/> (left open), raw or gzip-compressed.</summary>
    /// <param name="stream">The data, from its current position to its end.</param>
    /// <param name="sourceName">Name used in error messages (file path or description).</param>
    /// <exception cref="DataFormatException">The data is not a valid unsigned-byte IDX array.</exception>
    public static IdxArray Read(Stream stream, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(sourceName);
        var sniff = new byte[2];
        int sniffed = ReadUpTo(stream, sniff);
        bool gzip = sniffed == 2 && sniff[0] == 0x1f && sniff[1] == 0x8b;

        // Raw seekable input has a known length, which lets us reject short or long files before allocating.
        long? rawRemaining = !gzip && stream.CanSeek ? stream.Length - stream.Position + sniffed : null;
        var prefixed = new PrefixedStream(sniff, sniffed, stream);
        try
        {
            if (gzip)
            {
                using var unzipped = new GZipStream(prefixed, CompressionMode.Decompress, leaveOpen: true);
                return ReadIdx(unzipped, sourceName, null, " (after gzip decompression)");
            }
            return ReadIdx(prefixed, sourceName, rawRemaining, "");
        }
        catch (InvalidDataException e)
        {
            throw new DataFormatException(sourceName, $"corrupt gzip data: {OneLine(e.Message)}", e);
        }
    }

    private static IdxArray ReadIdx(Stream s, string source, long? totalLength, string where)
    {
        var header = new byte[4];
        int got = ReadUpTo(s, header);
        if (got < 4)
        {
            throw new DataFormatException(source, $"too short for an IDX header: {got} bytes{where}, at least 4 needed");
        }
        if (header[0] != 0 || header[1] != 0)
        {
            throw new DataFormatException(source, $"bad magic number 0x{header[0]:x2}{header[1]:x2}{header[2]:x2}{header[3]:x2}; an IDX file starts with 00 00, then the type and dimension count");
        }
        if (header[2] != 0x08)
        {
            throw new DataFormatException(source, $"element type 0x{header[2]:x2} ({TypeName(header[2])}) is not supported; only unsigned byte (0x08) is");
        }
        int ndims = header[3];
        if (ndims == 0)
        {
            throw new DataFormatException(source, "header declares 0 dimensions; at least 1 is needed");
        }

        var sizeBytes = new byte[4 * ndims];
        got = ReadUpTo(s, sizeBytes);
        if (got < sizeBytes.Length)
        {
            throw new DataFormatException(source, $"header declares {ndims} dimensions but the file ends after {got / 4} of their sizes{where}");
        }
        var dims = new int[ndims];
        long product = 1;
        for (int i = 0; i < ndims; i++)
        {
            uint d = (uint)(sizeBytes[4 * i] << 24 | sizeBytes[4 * i + 1] << 16 | sizeBytes[4 * i + 2] << 8 | sizeBytes[4 * i + 3]);
            if (d > int.MaxValue)
            {
                throw new DataFormatException(source, $"dimension {i} declares size {d}, more than {int.MaxValue}");
            }
            dims[i] = (int)d;
        }
        // Multiply with an early exit so a product of huge sizes cannot overflow before it is compared.
        if (Array.IndexOf(dims, 0) >= 0)
        {
            product = 0;
        }
        else
        {
            foreach (int d in dims)
            {
                if (d > MaxDataBytes / product)
                {
                    throw new DataFormatException(source, $"header declares {string.Join(" × ", dims)} bytes of data, more than the {MaxDataBytes >> 30} GiB limit");
                }
                product *= d;
            }
        }

        if (totalLength is long total)
        {
            long available = total - 4 - 4L * ndims;
            if (available < product)
            {
                throw new DataFormatException(source, $"short data: header declares {string.Join(" × ", dims)} = {product} bytes but only {available} follow the header");
            }
            if (available > product)
            {
                throw new DataFormatException(source, $"trailing data: header declares {product} bytes but {available} follow the header");
            }
        }

        byte[] data = ReadData(s, (int)product, trustedSize: totalLength is not null, dims, source, where);
        if (s.ReadByte() >= 0)
        {
            throw new DataFormatException(source, $"trailing data: more than the {product} bytes the header declares{where}");
        }
        return new IdxArray(dims, data);
    }

    private static byte[] ReadData(Stream s, int expected, bool trustedSize, int[] dims, string source, string where)
    {
        // Unless the size was checked against the stream length, grow with the data actually read
        // rather than trusting the header with one big allocation.
        var buffer = new byte[trustedSize ? expected : Math.Min(expected, InitialChunk)];
        int filled = 0;
        while (filled < expected)
        {
            if (filled == buffer.Length)
            {
                Array.Resize(ref buffer, (int)Math.Min(expected, 2L * buffer.Length));
            }
            int n = s.Read(buffer, filled, buffer.Length - filled);
            if (n == 0)
            {
                throw new DataFormatException(source, $"short data: header declares {string.Join(" × ", dims)} = {expected} bytes but the data ends after {filled}{where}");
            }
            filled += n;
        }
        return buffer;
    }

    private static int ReadUpTo(Stream s, byte[] buffer)
    {
        int filled = 0;
        while (filled < buffer.Length)
        {
            int n = s.Read(buffer, filled, buffer.Length - filled);
            if (n == 0)
            {
                break;
            }
            filled += n;
        }
        return filled;
    }

    private static string TypeName(byte type) => type switch
    {
        0x09 => "signed byte",
        0x0B => "int16",
        0x0C => "int32",
        0x0D => "float32",
        0x0E => "float64",
        _ => "unknown type",
    };

    private static string OneLine(string text) => text.ReplaceLineEndings(" ");
}
