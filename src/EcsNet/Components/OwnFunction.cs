using EcsNet.ActivationFunctions;

namespace EcsNet.Components;

/// <summary>f_j: this neuron's own activation function, in place of its layer's (any element-wise built-in function).</summary>
/// <remarks>For hidden and output neurons; the forward pass refuses one on an input neuron, which has no f(z).</remarks>
public struct OwnFunction
{
    /// <summary>The function's position in <see cref="ActivationFunction.All"/>.</summary>
    public int Index;

    /// <summary>The component for <paramref name="activation"/>.</summary>
    /// <exception cref="ArgumentException">The function is not an element-wise built-in one (softmax needs its whole layer).</exception>
    public static OwnFunction Of(IActivationFunction activation)
    {
        ArgumentNullException.ThrowIfNull(activation);
        var index = ActivationFunction.All.ToList().IndexOf(activation);
        if (index < 0 || activation is Softmax)
        {
            throw new ArgumentException(
                $"'{activation.Name}' cannot be one neuron's own function: use an element-wise built-in one (not softmax)", nameof(activation));
        }

        return new OwnFunction { Index = index };
    }

    /// <summary>The function this component names.</summary>
    public readonly IActivationFunction Function => (uint)Index < (uint)ActivationFunction.All.Count && ActivationFunction.All[Index] is not Softmax
        ? ActivationFunction.All[Index]
        : throw new InvalidOperationException($"OwnFunction names function {Index}, which is not an element-wise built-in activation function");
}
