namespace EcsNet;

/// <summary>How the synapse passes run.</summary>
public enum PassMode
{
    /// <summary>
    /// Fully connected runs as four-target SIMD tiles, everything else synapse by synapse (default). Sums are taken in
    /// a different order than <see cref="Reference"/>, so results agree to float rounding, not bit for bit.
    /// </summary>
    Fast,

    /// <summary>Every synapse one by one over the batch, exactly as the lectures write the sums.</summary>
    Reference,
}
