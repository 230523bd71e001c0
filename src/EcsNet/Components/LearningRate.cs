namespace EcsNet.Components;

/// <summary>η for this synapse alone: replaces the trainer's learning rate for the synapse that carries it (the learning-rate schedule does not apply to it).</summary>
public struct LearningRate
{
    /// <summary>The per-synapse learning rate η.</summary>
    public float Value;
}
