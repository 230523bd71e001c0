namespace EcsNet.Components;

/// <summary>w_jk^l: the weight of the synapse from neuron k of an earlier layer to neuron j of layer l.</summary>
public struct Weight
{
    /// <summary>The value w_jk^l.</summary>
    public float Value;
}
