namespace EcsNet.Diagnostics;

/// <summary>
/// How many entities of each kind a network's world holds, each counted by an ECS query on the components that define
/// the kind (the "count of entities per archetype" diagnostic).
/// </summary>
/// <param name="Total">Every living entity in the world.</param>
/// <param name="Layers">Entities with a <see cref="Components.Layer"/>.</param>
/// <param name="InputNeurons">Neurons tagged <see cref="Components.InputNeuron"/>.</param>
/// <param name="HiddenNeurons">Neurons tagged <see cref="Components.HiddenNeuron"/>.</param>
/// <param name="OutputNeurons">Neurons tagged <see cref="Components.OutputNeuron"/>.</param>
/// <param name="Synapses">Entities with a <see cref="Components.Synapse"/>.</param>
/// <param name="SynapsesWithLearningRate">Synapses that also carry a <see cref="Components.LearningRate"/>.</param>
/// <param name="FrozenSynapses">Synapses that also carry the <see cref="Components.Frozen"/> tag.</param>
public sealed record EntityCounts(
    int Total,
    int Layers,
    int InputNeurons,
    int HiddenNeurons,
    int OutputNeurons,
    int Synapses,
    int SynapsesWithLearningRate,
    int FrozenSynapses)
{
    /// <summary>Input, hidden and output neurons together.</summary>
    public int Neurons => InputNeurons + HiddenNeurons + OutputNeurons;
}
