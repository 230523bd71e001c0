namespace EcsNet.Systems;

/// <summary>
/// The output error δ_j^L = ∂C/∂a_j^L · f′(z_j^L), or a_j − y_j where the cost and the output activation cancel
/// (sigmoid + cross-entropy, softmax + cross-entropy).
/// </summary>
public sealed class OutputDeltaSystem : ISystem<StepContext>
{
    internal OutputDeltaSystem()
    {
    }

    /// <inheritdoc/>
    public void Update(StepContext context)
    {
        var network = context.Network;
        var batch = network.Batch;
        var m = batch.Size;
        var layer = network.OutputLayer;
        var n = layer.Size;
        var a = batch.Rows(batch.A, layer.FirstSlot, n);
        var y = batch.Y.AsSpan(0, n * m);
        var delta = batch.Rows(batch.D, layer.FirstSlot, n);
        var activation = layer.Function!;
        var g = batch.Rows(batch.G, layer.FirstSlot, n);
        var overridden = network.CurrentStructure().HasOverridesIn(layer.Index);

        if (network.Cost.SimplifiesWith(activation) && !overridden)
        {
            System.Numerics.Tensors.TensorPrimitives.Subtract(a, y, delta);
            return;
        }

        network.Cost.Gradient(a, y, g, n, m);
        activation.Backward(batch.Rows(batch.Z, layer.FirstSlot, n), a, g, delta, n, m);
        if (overridden)
        {
            NeuronOverrides.Backward(network, layer.Index);
        }
    }
}
