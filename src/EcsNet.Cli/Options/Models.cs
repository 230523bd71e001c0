using EcsNet.Data;
using EcsNet.Persistence;

namespace EcsNet.Cli.Options;

/// <summary>A network read from a model file with the metadata the CLI stores next to it.</summary>
internal sealed record LoadedModel(Network Network, ModelSpec Spec, string Path, Normalizer? Normalizer) : IDisposable
{
    /// <summary>The cost named in the metadata, or null.</summary>
    public string? CostName => Spec.Metadata.GetValueOrDefault(NetworkModel.CostKey);

    /// <summary>Class names from the metadata, or null.</summary>
    public string[]? ClassNames => Spec.Metadata.TryGetValue("classes", out var c) ? c.Split(',') : null;

    /// <inheritdoc />
    public void Dispose() => Network.Dispose();
}

/// <summary>Loading and saving networks as <c>ecsnet-model/1</c> files, through the library's reader and atomic writer.</summary>
internal static class Models
{
    /// <summary>Reads, validates and builds the model at <paramref name="path"/>.</summary>
    public static LoadedModel Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path}: model file not found");
        }

        var spec = ModelFile.Read(path);
        var network = NetworkModel.ToNetwork(spec);
        return new LoadedModel(network, spec, path, DataSources.Restore(spec, path));
    }

    /// <summary>Saves atomically (temporary file, flush, rename): the target is always an old or a new complete model.</summary>
    /// <param name="network">The network to save.</param>
    /// <param name="path">The model file to write.</param>
    /// <param name="normalizer">The input normalisation fitted on the training data, or null.</param>
    /// <param name="classNames">The class names of the labels, or null.</param>
    /// <param name="dataset">The built-in data set the model was trained on, or null.</param>
    /// <param name="state">With <c>--save-state</c>: what resuming the run needs (optimiser moments, epochs done).</param>
    public static void Save(Network network, string path, Normalizer? normalizer, string[]? classNames, string? dataset, RunState? state = null)
    {
        var spec = NetworkModel.ToSpec(network);
        state?.Store(network, spec);
        spec.Metadata[NetworkModel.CostKey] = network.Cost.Name;
        DataSources.Store(normalizer, spec);
        if (classNames is not null)
        {
            spec.Metadata["classes"] = string.Join(',', classNames);
        }

        if (dataset is not null)
        {
            spec.Metadata["dataset"] = dataset;
        }

        ModelFile.Write(spec, path);
    }
}
