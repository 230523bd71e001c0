namespace EcsNet.Ecs;

/// <summary>An immutable set of component ids as bits, for archetype/query matching.</summary>
internal sealed class BitSet
{
    public static readonly BitSet Empty = new([]);

    private readonly ulong[] _words;

    private BitSet(ulong[] words) => _words = words;

    public bool IsEmpty => _words.Length == 0;

    public static BitSet From(ReadOnlySpan<ComponentType> types)
    {
        if (types.IsEmpty)
        {
            return Empty;
        }

        var max = 0;
        foreach (var type in types)
        {
            max = Math.Max(max, type.Id);
        }

        var words = new ulong[(max >> 6) + 1];
        foreach (var type in types)
        {
            words[type.Id >> 6] |= 1UL << (type.Id & 63);
        }

        return new BitSet(words);
    }

    /// <summary>Every bit of this set is in <paramref name="other"/>.</summary>
    public bool IsSubsetOf(BitSet other)
    {
        var a = _words;
        var b = other._words;
        for (var i = 0; i < a.Length; i++)
        {
            var w = i < b.Length ? b[i] : 0UL;
            if ((a[i] & ~w) != 0)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The sets share at least one bit.</summary>
    public bool Overlaps(BitSet other)
    {
        var a = _words;
        var b = other._words;
        var n = Math.Min(a.Length, b.Length);
        for (var i = 0; i < n; i++)
        {
            if ((a[i] & b[i]) != 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Both sets hold exactly the same bits.</summary>
    public bool SetEquals(BitSet other) => IsSubsetOf(other) && other.IsSubsetOf(this);
}
