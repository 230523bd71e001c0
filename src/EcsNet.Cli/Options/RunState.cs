using System.Globalization;
using System.Runtime.InteropServices;
using EcsNet.Components;
using EcsNet.Persistence;

namespace EcsNet.Cli.Options;

/// <summary>
/// What continuing a run needs beyond the weights, kept in the model file's metadata by <c>--save-state</c>: the
/// epochs done, the optimiser, its step count t, and every parameter's optimiser moments (bit-exact, base64).
/// </summary>
internal sealed record RunState(int EpochsDone, string Optimizer, long Updates)
{
    private const string EpochsKey = "epochs_done";
    private const string OptimizerKey = "optimizer";
    private const string UpdatesKey = "optimizer_updates";
    private const string MomentsKey = "optimizer_moments";

    /// <summary>Writes the state of <paramref name="network"/> into <paramref name="spec"/>'s metadata.</summary>
    public void Store(Network network, ModelSpec spec)
    {
        spec.Metadata[EpochsKey] = EpochsDone.ToString(CultureInfo.InvariantCulture);
        spec.Metadata[OptimizerKey] = Optimizer;
        spec.Metadata[UpdatesKey] = Updates.ToString(CultureInfo.InvariantCulture);
        var moments = Parameters(network).Select(p => p.Get()).ToArray();
        spec.Metadata[MomentsKey] = Convert.ToBase64String(MemoryMarshal.AsBytes(moments.AsSpan()));
    }

    /// <summary>The state stored in <paramref name="spec"/>, applied to <paramref name="network"/>; null when there is none.</summary>
    public static RunState? Restore(Network network, ModelSpec spec, string source)
    {
        if (!spec.Metadata.TryGetValue(EpochsKey, out var epochs))
        {
            return null;
        }

        try
        {
            var state = new RunState(
                int.Parse(epochs, NumberStyles.None, CultureInfo.InvariantCulture),
                spec.Metadata[OptimizerKey],
                long.Parse(spec.Metadata[UpdatesKey], NumberStyles.None, CultureInfo.InvariantCulture));
            var entities = Parameters(network);
            var moments = MemoryMarshal.Cast<byte, OptimizerState>(Convert.FromBase64String(spec.Metadata[MomentsKey]));
            if (moments.Length != entities.Count)
            {
                throw new FormatException($"{moments.Length} optimiser moments for {entities.Count} parameters");
            }

            for (var i = 0; i < entities.Count; i++)
            {
                entities[i].Set(moments[i]);
            }

            network.UpdateCount = state.Updates;
            return state;
        }
        catch (Exception e) when (e is FormatException or KeyNotFoundException or OverflowException)
        {
            throw new ModelFormatException(source, "metadata", $"bad saved training state: {Cli.MessageOf(e)}");
        }
    }

    /// <summary>
    /// Every parameter's optimiser state, in an order fixed by the topology: the biased neurons, then the synapses by
    /// their ends (the entity type is the ECS backend's, so it stays inferred).
    /// </summary>
    private static List<(Func<OptimizerState> Get, Action<OptimizerState> Set)> Parameters(Network network)
    {
        var world = network.World;
        var parameters = new List<(Func<OptimizerState>, Action<OptimizerState>)>();
        for (var l = 1; l < network.Layers.Count; l++)
        {
            for (var j = 0; j < network.Layers[l].Size; j++)
            {
                var neuron = network.NeuronEntity(l, j);
                parameters.Add((() => world.Get<OptimizerState>(neuron), v => world.Set(neuron, v)));
            }
        }

        foreach (var s in network.Synapses().OrderBy(s => s.ToLayer).ThenBy(s => s.ToIndex).ThenBy(s => s.FromLayer).ThenBy(s => s.FromIndex))
        {
            var synapse = s.Entity;
            parameters.Add((() => world.Get<OptimizerState>(synapse), v => world.Set(synapse, v)));
        }

        return parameters;
    }
}
