using System.Globalization;
using System.Text;

namespace EcsNet.Diagnostics;

/// <summary>What <see cref="NetworkInspector.Inspect"/> found: entity counts, per-layer parameters and, given data, per-neuron activity.</summary>
/// <param name="Counts">Entities per kind, each counted by a query.</param>
/// <param name="Layers">One entry per non-input layer, in layer order.</param>
/// <param name="Samples">The number of samples the activity was measured on (0 without data).</param>
/// <param name="SaturationThreshold">The fraction of f′'s maximum below which a sigmoid or tanh unit counts as saturated.</param>
/// <param name="Neurons">Every hidden and output neuron's activity, in slot order (empty without data).</param>
public sealed record InspectionReport(
    EntityCounts Counts,
    IReadOnlyList<LayerStatistics> Layers,
    int Samples,
    double SaturationThreshold,
    IReadOnlyList<NeuronActivity> Neurons)
{
    /// <summary>The sigmoid and tanh units that barely learn on the data (σ′ ≈ 0 for almost every sample).</summary>
    public IReadOnlyList<NeuronActivity> SaturatedNeurons => Neurons.Where(n => n.IsSaturated).ToArray();

    /// <summary>The ReLU units that never fire on the data, so never receive a gradient.</summary>
    public IReadOnlyList<NeuronActivity> DeadRelus => Neurons.Where(n => n.IsDeadRelu).ToArray();

    /// <summary>A short multi-line summary.</summary>
    public override string ToString()
    {
        var c = Counts;
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture,
            $"entities {c.Total}: {c.Layers} layers, {c.InputNeurons}/{c.HiddenNeurons}/{c.OutputNeurons} input/hidden/output neurons, {c.Synapses} synapses ({c.SynapsesWithLearningRate} with own η, {c.FrozenSynapses} frozen)");
        foreach (var l in Layers)
        {
            text.AppendLine();
            text.Append(CultureInfo.InvariantCulture,
                $"  layer {l.Layer} ({l.Size} {l.ActivationFunction}): {l.Weights.Count} weights mean {l.Weights.Mean:G4} std {l.Weights.StandardDeviation:G4} ‖w‖ {l.Weights.L2Norm:G4} ‖∂C/∂w‖ {l.WeightGradientNorm:G4}; biases mean {l.Biases.Mean:G4} ‖b‖ {l.Biases.L2Norm:G4}");
        }

        if (Samples > 0)
        {
            text.AppendLine();
            text.Append(CultureInfo.InvariantCulture, $"  over {Samples} samples: {SaturatedNeurons.Count} saturated, {DeadRelus.Count} dead ReLUs");
            foreach (var n in SaturatedNeurons.Concat(DeadRelus))
            {
                text.AppendLine();
                text.Append(CultureInfo.InvariantCulture,
                    $"    ({n.Layer},{n.Index}) {n.ActivationFunction}: mean f′ {n.MeanDerivative:G3}, z in [{n.MinNetInput:G4}, {n.MaxNetInput:G4}]{(n.IsDeadRelu ? " dead" : " saturated")}");
            }
        }

        return text.ToString();
    }
}
