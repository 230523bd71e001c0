namespace EcsNet.Components;

/// <summary>
/// The connection k → j: from neuron slot <see cref="Source"/> (neuron k of an earlier layer) to neuron slot
/// <see cref="Target"/> (neuron j of layer l). Slots are the dense neuron indices of <see cref="Network"/>.
/// </summary>
public struct Synapse
{
    /// <summary>The source neuron's slot (k).</summary>
    public int Source;

    /// <summary>The target neuron's slot (j).</summary>
    public int Target;
}
