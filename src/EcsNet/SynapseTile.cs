using System.Runtime.CompilerServices;

namespace EcsNet;

/// <summary>
/// Up to four target neurons j that receive synapses from the same consecutive sources k = FirstSource …
/// FirstSource + Length − 1: a dense block of a fully connected layer. Each target's weights are consecutive rows
/// <c>Rows[t] … Rows[t] + Length − 1</c> of chunk <c>Chunks[t]</c>, so a pass reads them as a contiguous float run and
/// reuses every source row it loads for all targets of the tile.
/// </summary>
internal struct SynapseTile
{
    /// <summary>How many targets (1 to 4).</summary>
    public int Count;

    /// <summary>The first source slot k.</summary>
    public int FirstSource;

    /// <summary>The number of consecutive sources.</summary>
    public int Length;

    /// <summary>The target slots j.</summary>
    public Int4 Targets;

    /// <summary>The plan's chunk index of each target's weight run.</summary>
    public Int4 Chunks;

    /// <summary>The first row of each target's weight run.</summary>
    public Int4 Rows;
}

/// <summary>Four ints stored inline.</summary>
[InlineArray(4)]
internal struct Int4
{
    private int _element;
}
