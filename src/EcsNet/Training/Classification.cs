using EcsNet.ActivationFunctions;

namespace EcsNet.Training;

/// <summary>
/// Turns outputs into classes: the largest output for several outputs (one-hot targets); for one output, whether it
/// is above the middle of the activation's range (0 for sign, tanh and hardtanh, 0.5 otherwise).
/// </summary>
public static class Classification
{
    /// <summary>The class of sample <paramref name="b"/> of neuron-major rows <paramref name="values"/> (n outputs, m samples).</summary>
    public static int ClassOf(ReadOnlySpan<float> values, int outputs, int m, int b, IActivationFunction? activation)
    {
        if (outputs == 1)
        {
            return values[b] > Threshold(activation) ? 1 : 0;
        }

        var best = 0;
        for (var j = 1; j < outputs; j++)
        {
            if (values[j * m + b] > values[best * m + b])
            {
                best = j;
            }
        }

        return best;
    }

    /// <summary>The decision threshold of a single output unit.</summary>
    public static float Threshold(IActivationFunction? activation) => activation is Sign or Tanh or HardTanh ? 0f : 0.5f;
}
