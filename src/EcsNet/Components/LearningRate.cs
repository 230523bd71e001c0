namespace EcsNet.Components;

/// <summary>η for this synapse alone: replaces the trainer's learning rate (times its schedule) for the synapse that carries it.</summary>
public struct LearningRate
{
    /// <summary>The per-synapse learning rate η.</summary>
    public float Value;
}
