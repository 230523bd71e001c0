namespace EcsNet.Persistence;

/// <summary>An explicit connection from neuron <paramref name="FromIndex"/> of layer <paramref name="FromLayer"/> to neuron <paramref name="ToIndex"/> of a later layer <paramref name="ToLayer"/>.</summary>
/// <param name="FromLayer">Source layer index.</param>
/// <param name="FromIndex">Source neuron index within its layer.</param>
/// <param name="ToLayer">Target layer index, greater than <paramref name="FromLayer"/>.</param>
/// <param name="ToIndex">Target neuron index within its layer.</param>
/// <param name="Weight">The connection weight.</param>
public sealed record SynapseSpec(int FromLayer, int FromIndex, int ToLayer, int ToIndex, float Weight);
