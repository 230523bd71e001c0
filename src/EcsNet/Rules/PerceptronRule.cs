using EcsNet.ActivationFunctions;
using EcsNet.Data;

namespace EcsNet.Rules;

/// <summary>
/// The perceptron training rule of the Utah and Garreta decks, Δw_i = η(t − o)x_i with the bias as the weight of a
/// constant input x_0 = 1, applied example by example to a layer of threshold units — step (targets 0/1) or sign
/// (targets −1/+1) — built e.g. with <c>new NetworkBuilder().Input(2).Dense(1, ActivationFunction.Step).Build()</c>.
/// Each output unit is a perceptron of its own. The rule changes the <see cref="Components.Weight"/> of the synapse
/// entities and the <see cref="Components.Bias"/> of the units, skipping <see cref="Components.Frozen"/> synapses and
/// the bias of frozen units (<see cref="Network.FreezeBiases"/>).
/// It converges in finitely many epochs when the examples are linearly separable (AND, OR, NAND), and may never
/// converge otherwise (XOR).
/// </summary>
public static class PerceptronRule
{
    /// <summary>
    /// Applies the rule to one example: o is computed by the network, then every weight and bias moves by
    /// η(t − o)x_i (nothing moves when o = t). Returns the number of units whose output was wrong.
    /// </summary>
    /// <exception cref="ArgumentException">The network is not one layer of step or sign units, the example does not
    /// fit it, or a target is not an output the unit can give.</exception>
    public static int Update(Network network, ReadOnlySpan<float> input, ReadOnlySpan<float> target, float learningRate)
    {
        ArgumentNullException.ThrowIfNull(network);
        CheckNetwork(network, learningRate);
        if (input.Length != network.InputSize || target.Length != network.OutputSize)
        {
            throw new ArgumentException(
                $"an example needs {network.InputSize} inputs and {network.OutputSize} targets, got {input.Length} and {target.Length}");
        }

        CheckTargets(network, target, "the target");
        return Apply(network, input, target, learningRate);
    }

    /// <summary>
    /// Runs epochs over <paramref name="data"/> in order, updating after each misclassified example, until an epoch
    /// makes no error or <paramref name="maxEpochs"/> have run.
    /// </summary>
    /// <param name="network">One layer of step or sign units fed by the inputs; its current weights are the start.</param>
    /// <param name="data">The examples; targets 0/1 for step units, −1/+1 for sign units.</param>
    /// <param name="learningRate">η &gt; 0.</param>
    /// <param name="maxEpochs">The bound after which the rule gives up (at least 1).</param>
    /// <exception cref="ArgumentException">The network, data or a parameter is invalid.</exception>
    public static PerceptronResult Train(Network network, DataSet data, float learningRate = 0.1f, int maxEpochs = 100)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(data);
        CheckNetwork(network, learningRate);
        SingleLayerUnits.Check(network, data, "perceptron rule", "step or sign", IsThreshold, learningRate);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxEpochs, 1);
        for (var i = 0; i < data.Count; i++)
        {
            CheckTargets(network, data.Target(i), $"example {i}");
        }

        var errors = new List<int>();
        for (var epoch = 1; epoch <= maxEpochs; epoch++)
        {
            var wrong = 0;
            for (var i = 0; i < data.Count; i++)
            {
                if (Apply(network, data.Input(i), data.Target(i), learningRate) > 0)
                {
                    wrong++;
                }
            }

            errors.Add(wrong);
            if (wrong == 0)
            {
                return new PerceptronResult(true, epoch, errors,
                    $"converged after {epoch} epochs: every one of the {data.Count} examples of '{data.Name}' is classified correctly");
            }
        }

        return new PerceptronResult(false, maxEpochs, errors,
            $"did not converge in {maxEpochs} epochs: {errors[^1]} of the {data.Count} examples of '{data.Name}' were still misclassified in the last epoch. " +
            "The perceptron rule converges only when the examples are linearly separable; XOR, for one, is not (no line separates its 1s from its 0s).");
    }

    private static int Apply(Network network, ReadOnlySpan<float> input, ReadOnlySpan<float> target, float learningRate)
    {
        var o = SingleLayerUnits.Output(network, input);
        var error = new float[o.Length];
        var wrong = 0;
        for (var j = 0; j < o.Length; j++)
        {
            error[j] = target[j] - o[j];
            if (error[j] != 0f)
            {
                wrong++;
            }
        }

        if (wrong == 0)
        {
            return 0;
        }

        var x = input.ToArray();
        // Δw_i = η(t − o)x_i in float, as the weights are stored; the bias sees x_0 = 1.
        SingleLayerUnits.Update(network, (j, k) => learningRate * error[j] * x[k], j => learningRate * error[j]);
        return wrong;
    }

    private static void CheckNetwork(Network network, float learningRate)
    {
        if (network.Layers.Count != 2 || !IsThreshold(network.OutputLayer.Function!))
        {
            throw new ArgumentException(
                $"the perceptron rule trains one layer of step or sign units fed by the inputs; this network is {string.Join(" → ", network.Layers)}",
                nameof(network));
        }

        if (!(learningRate > 0) || !float.IsFinite(learningRate))
        {
            throw new ArgumentOutOfRangeException(nameof(learningRate), learningRate, "the learning rate η must be a finite number > 0");
        }
    }

    private static bool IsThreshold(IActivationFunction f) => f is Step or Sign;

    private static void CheckTargets(Network network, ReadOnlySpan<float> target, string what)
    {
        var sign = network.OutputLayer.Function is Sign;
        foreach (var t in target)
        {
            if (sign ? t is not (-1f or 1f) : t is not (0f or 1f))
            {
                throw new ArgumentException($"{what}: target {t} is not an output of a {(sign ? "sign unit (−1 or +1)" : "step unit (0 or 1)")}");
            }
        }
    }
}
