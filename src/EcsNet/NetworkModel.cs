using EcsNet.ActivationFunctions;
using EcsNet.Costs;
using EcsNet.Persistence;
using EcsNet.Training;

namespace EcsNet;

/// <summary>
/// Converts between a <see cref="Network"/> and its <c>ecsnet-model/1</c> description (<see cref="ModelSpec"/>), and
/// saves and loads networks as model files. Every weight and bias survives a round trip bit for bit.
/// </summary>
/// <remarks>
/// A layer whose synapses from the previous layer form the complete matrix (every k → j exactly once) is written as
/// <c>weights</c>; every other synapse (skip connections, sparse or pruned layers) is written to <c>synapses</c>,
/// ordered by target (layer, index) then source (layer, index). Biases are always written, or <c>"bias": false</c>
/// for a layer without them. A cost other than the
/// default quadratic one is kept in the metadata entry <c>cost</c>. User components on synapses (per-synapse
/// learning rates, frozen flags) and optimiser state are not part of the format.
/// </remarks>
public static class NetworkModel
{
    /// <summary>The metadata key holding the network's cost name.</summary>
    public const string CostKey = "cost";

    private const string SpecSource = "<model>";

    /// <summary>Validates <paramref name="spec"/> and builds its network with the given weights and biases.</summary>
    /// <param name="spec">The model; a layer without <c>bias</c> gets zero biases.</param>
    /// <exception cref="ModelFormatException">The spec breaks a rule of the format, or a layer has neither weights nor synapses into it.</exception>
    public static Network ToNetwork(ModelSpec spec)
        => ToNetwork(spec, SpecSource);

    /// <summary>Describes <paramref name="network"/> as a model: sizes, activations, biases, weights and explicit synapses.</summary>
    /// <exception cref="InvalidOperationException">The network cannot be written in the format: a user-supplied
    /// activation, two synapses between the same neurons, or a layer that no synapse reaches.</exception>
    public static ModelSpec ToSpec(Network network)
    {
        ArgumentNullException.ThrowIfNull(network);
        var layers = network.Layers;
        var spec = new ModelSpec();
        spec.Layers.Add(new LayerSpec { Size = layers[0].Size });

        // Group the synapses by target layer; remember which (j, k) of the previous layer are present.
        var into = new List<SynapseInfo>[layers.Count];
        for (var l = 0; l < layers.Count; l++)
        {
            into[l] = [];
        }

        var seen = new HashSet<(int, int, int, int)>();
        foreach (var s in network.Synapses())
        {
            if (!seen.Add((s.FromLayer, s.FromIndex, s.ToLayer, s.ToIndex)))
            {
                throw new InvalidOperationException(
                    $"the network has two synapses from ({s.FromLayer},{s.FromIndex}) to ({s.ToLayer},{s.ToIndex}); a model file allows one");
            }

            into[s.ToLayer].Add(s);
        }

        var explicitSynapses = new List<SynapseSpec>();
        for (var l = 1; l < layers.Count; l++)
        {
            var layer = layers[l];
            var name = layer.Function!.Name;
            if (!ActivationNames.IsValid(name))
            {
                throw new InvalidOperationException(
                    $"layer {l} uses the activation '{name}', which a model file cannot name (valid: {string.Join(", ", ActivationNames.All)})");
            }

            if (into[l].Count == 0)
            {
                throw new InvalidOperationException($"no synapse ends in layer {l}; a model file needs weights or synapses for every layer after the input");
            }

            float[]? bias = null;
            if (layer.HasBias)
            {
                bias = new float[layer.Size];
                for (var j = 0; j < layer.Size; j++)
                {
                    bias[j] = network.GetBias(l, j);
                }
            }

            var previous = layers[l - 1].Size;
            var fromPrevious = into[l].Count(s => s.FromLayer == l - 1);
            float[][]? weights = null;
            if (fromPrevious == (long)layer.Size * previous)
            {
                // Each (j, k) occurs at most once (checked above), so this many synapses fill the matrix.
                weights = new float[layer.Size][];
                for (var j = 0; j < layer.Size; j++)
                {
                    weights[j] = new float[previous];
                }

                foreach (var s in into[l].Where(s => s.FromLayer == l - 1))
                {
                    weights[s.ToIndex][s.FromIndex] = s.Weight;
                }
            }

            foreach (var s in into[l])
            {
                if (weights is null || s.FromLayer != l - 1)
                {
                    explicitSynapses.Add(new SynapseSpec(s.FromLayer, s.FromIndex, s.ToLayer, s.ToIndex, s.Weight));
                }
            }

            spec.Layers.Add(new LayerSpec { Size = layer.Size, Activation = name, Bias = bias, HasBias = layer.HasBias, Weights = weights });
        }

        spec.Synapses.AddRange(explicitSynapses
            .OrderBy(s => s.ToLayer).ThenBy(s => s.ToIndex).ThenBy(s => s.FromLayer).ThenBy(s => s.FromIndex));

        if (network.Cost != CostFunction.Quadratic && CostFunction.Names.Contains(network.Cost.Name))
        {
            spec.Metadata[CostKey] = network.Cost.Name;
        }

        return spec;
    }

    /// <summary>Reads the model file at <paramref name="path"/> and builds its network.</summary>
    /// <exception cref="ModelFormatException">The file is not a valid model; the message names the file, the field and the problem.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static Network Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return ToNetwork(ModelFile.Read(path), path);
    }

    /// <summary>Writes <paramref name="network"/> to <paramref name="path"/> atomically (see <see cref="ModelFile.Write"/>).</summary>
    /// <exception cref="InvalidOperationException">The network cannot be written in the format (see <see cref="ToSpec"/>).</exception>
    /// <exception cref="IOException">The file system refused the write; the target is unchanged.</exception>
    public static void Save(Network network, string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        ModelFile.Write(ToSpec(network), path);
    }

    private static Network ToNetwork(ModelSpec spec, string source)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ModelFile.Validate(spec, source);
        var layers = spec.Layers;
        var builder = new NetworkBuilder().Input(layers[0].Size);
        for (var l = 1; l < layers.Count; l++)
        {
            var layer = layers[l];
            var activation = ActivationFunction.ByName(layer.Activation!);
            if (layer.Weights is { } weights)
            {
                builder.Dense(layer.Size, activation, layer.HasBias).Weights(l, weights);
            }
            else
            {
                builder.Sparse(layer.Size, activation, layer.HasBias);
            }

            if (layer.HasBias)
            {
                builder.Biases(l, layer.Bias ?? new float[layer.Size]);
            }
        }

        foreach (var s in spec.Synapses)
        {
            builder.Connect(s.FromLayer, s.FromIndex, s.ToLayer, s.ToIndex, s.Weight);
        }

        ICost? cost = null;
        if (spec.Metadata.TryGetValue(CostKey, out var costName))
        {
            try
            {
                cost = CostFunction.ByName(costName, ActivationFunction.ByName(layers[^1].Activation!));
            }
            catch (ArgumentException e)
            {
                throw new ModelFormatException(source, $"metadata.{CostKey}", e.Message, e);
            }
        }

        var network = builder.Build(Initializer.Zero);
        if (cost is not null)
        {
            network.Cost = cost;
        }

        return network;
    }
}
