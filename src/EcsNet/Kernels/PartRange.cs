namespace EcsNet.Kernels;

/// <summary>How a partitioned job cuts a range of items into equal contiguous parts.</summary>
internal static class PartRange
{
    /// <summary>Part <paramref name="part"/> of <paramref name="parts"/> of [<paramref name="start"/>, <paramref name="end"/>).</summary>
    public static (int From, int To) Of(int start, int end, int part, int parts)
    {
        var span = (long)(end - start);
        return (start + (int)(span * part / parts), start + (int)(span * (part + 1) / parts));
    }
}
