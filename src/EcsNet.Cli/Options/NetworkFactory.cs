using EcsNet.Data;
using EcsNet.Training;

namespace EcsNet.Cli.Options;

/// <summary>Builds fully connected networks from <c>--layers</c>, <c>--activation</c> and <c>--init</c>.</summary>
internal static class NetworkFactory
{
    /// <summary>
    /// Builds the network; the first and last sizes must match <paramref name="data"/> when given.
    /// <paramref name="defaultActivation"/> applies when <paramref name="activation"/> is null: a list that does not fit
    /// the layer count is stretched as "hidden layers like the first entry, output like the last".
    /// </summary>
    public static Network Build(string layersText, string? activation, string defaultActivation, string init, long seed, DataSet? data, bool bias = true)
    {
        var sizes = Parse.Layers(layersText);
        if (data is not null && (sizes[0] != data.InputSize || sizes[^1] != data.OutputSize))
        {
            throw new UsageException(
                $"--layers {layersText}: the first size must be the {data.InputSize} inputs and the last the {data.OutputSize} outputs of '{data.Name}'");
        }

        var activations = Parse.Activations(activation ?? Stretch(defaultActivation, sizes.Length - 1), sizes.Length - 1);
        var initializer = Initializer.Parse(init);
        return NetworkBuilder.FullyConnected(sizes, activations, bias, initializer, seed);
    }

    /// <summary>"784-30-10 sigmoid" or "2-4-1 tanh,sigmoid".</summary>
    public static string Describe(Network network)
    {
        var sizes = string.Join('-', network.Layers.Select(l => l.Size));
        var names = network.Layers.Skip(1).Select(l => l.Function!.Name).ToArray();
        return names.Distinct().Count() == 1 ? $"{sizes} {names[0]}" : $"{sizes} {string.Join(',', names)}";
    }

    private static string Stretch(string list, int layers)
    {
        var names = Parse.Split(list);
        if (names.Length == 1 || names.Length == layers)
        {
            return list;
        }

        return string.Join(',', Enumerable.Range(0, layers).Select(l => l == layers - 1 ? names[^1] : names[0]));
    }
}
