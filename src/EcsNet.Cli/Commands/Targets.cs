using EcsNet.ActivationFunctions;
using EcsNet.Data;
using EcsNet.Training;

namespace EcsNet.Cli.Commands;

/// <summary>Adapts 0/1 targets to the output unit's range.</summary>
internal static class Targets
{
    /// <summary>
    /// A single tanh/sign/hardtanh output unit is read as class 1 above 0 (as in TensorFlow Playground), so its
    /// binary targets become −1/+1; every other case is returned unchanged.
    /// </summary>
    public static DataSet ForOutput(DataSet data, IActivationFunction? output)
    {
        if (data.OutputSize != 1 || data.Labels is null || Classification.Threshold(output) != 0f)
        {
            return data;
        }

        var targets = data.Targets.Select(t => t > 0.5f ? 1f : -1f).ToArray();
        return new DataSet(data.Name, data.Inputs, targets, data.InputSize, 1, data.Labels, data.ClassNames);
    }
}
