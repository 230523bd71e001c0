namespace EcsNet.Tests.Data;

/// <summary>Seeded random damage to a file's bytes: bit flips, byte changes, truncation, extension, insertion, deletion.</summary>
internal static class Mutator
{
    public static byte[] Mutate(byte[] original, Random random)
    {
        var bytes = new List<byte>(original);
        int mutations = 1 + random.Next(3);
        for (int m = 0; m < mutations; m++)
        {
            int position = bytes.Count == 0 ? 0 : random.Next(bytes.Count);
            switch (random.Next(7))
            {
                case 0 when bytes.Count > 0:
                    bytes[position] ^= (byte)(1 << random.Next(8));
                    break;
                case 1 when bytes.Count > 0:
                    bytes[position] = (byte)random.Next(256);
                    break;
                case 2:
                    bytes.RemoveRange(position, bytes.Count - position);
                    break;
                case 3:
                    bytes.AddRange(RandomBytes(random, 1 + random.Next(16)));
                    break;
                case 4:
                    bytes.InsertRange(position, RandomBytes(random, 1 + random.Next(8)));
                    break;
                case 5 when bytes.Count > 0:
                    bytes.RemoveRange(position, Math.Min(bytes.Count - position, 1 + random.Next(8)));
                    break;
                default:
                    // Set a byte to an "interesting" value: boundaries of sizes and of printable text.
                    if (bytes.Count > 0)
                    {
                        byte[] interesting = [0x00, 0xff, 0x7f, 0x80, (byte)'"', (byte)',', (byte)'\n', (byte)'-', (byte)'9', (byte)'e'];
                        bytes[position] = interesting[random.Next(interesting.Length)];
                    }
                    break;
            }
        }
        return [.. bytes];
    }

    private static byte[] RandomBytes(Random random, int count)
    {
        var result = new byte[count];
        random.NextBytes(result);
        return result;
    }
}
