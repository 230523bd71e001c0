using System.Globalization;
using System.Text;

namespace EcsNet.Diagnostics;

/// <summary>The outcome of <see cref="GradientCheck.Run"/>: every parameter's comparison, summarised per layer.</summary>
public sealed class GradientCheckReport
{
    internal GradientCheckReport(IReadOnlyList<LayerGradientCheck> layers, IReadOnlyList<ParameterGradientCheck> parameters, int samples, double epsilon, GradientCheckCost cost)
    {
        Cost = cost;
        Layers = layers;
        Parameters = parameters;
        Samples = samples;
        Epsilon = epsilon;
        foreach (var p in parameters)
        {
            if (Worst is null || p.RelativeError > Worst.Value.RelativeError)
            {
                Worst = p;
            }
        }
    }

    /// <summary>One entry per non-input layer, in layer order.</summary>
    public IReadOnlyList<LayerGradientCheck> Layers { get; }

    /// <summary>Every weight (in synapse storage order, grouped by target layer), then every bias.</summary>
    public IReadOnlyList<ParameterGradientCheck> Parameters { get; }

    /// <summary>The number of samples x summed over.</summary>
    public int Samples { get; }

    /// <summary>The step ε actually used for the differences.</summary>
    public double Epsilon { get; }

    /// <summary>What the estimate cost against one backpropagation: the deck's argument, measured.</summary>
    public GradientCheckCost Cost { get; }

    /// <summary>The parameter with the largest relative error, or null when the network has no parameters.</summary>
    public ParameterGradientCheck? Worst { get; }

    /// <summary>The largest relative error over all parameters (0 when there are none).</summary>
    public double WorstError => Worst?.RelativeError ?? 0;

    /// <summary>The number of parameters checked.</summary>
    public int ParameterCount => Parameters.Count;

    /// <summary>True when every relative error is below <paramref name="tolerance"/> (and finite).</summary>
    public bool Passed(double tolerance) => WorstError < tolerance;

    /// <summary>A per-layer table of the worst errors.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"gradient check over {Samples} samples, ε = {Epsilon:G3}: worst relative error {WorstError:E2}");
        foreach (var layer in Layers)
        {
            text.AppendLine();
            text.Append(CultureInfo.InvariantCulture,
                $"  layer {layer.Layer}: {layer.WeightCount} weights (worst {layer.WorstWeightError:E2}), {layer.BiasCount} biases (worst {layer.WorstBiasError:E2})");
        }

        return text.ToString();
    }
}
