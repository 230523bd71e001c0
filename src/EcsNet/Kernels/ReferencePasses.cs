namespace EcsNet.Kernels;

/// <summary>The per-synapse reference path (<see cref="PassMode.Reference"/>): every row in storage order, one at a time.</summary>
internal sealed class ReferencePasses : ISynapsePasses
{
    public void Forward(Network network, SynapsePlan plan, int layer, float[] a, float[] z, int m)
        => RowPasses.Forward(plan.Into(layer), plan.Chunks, a, z, m);

    public void Backward(Network network, SynapsePlan plan, int layer, float[] d, float[] g, int m, int firstSource)
        => RowPasses.Backward(plan.Into(layer), plan.Chunks, d, g, m);

    public void Gradient(Network network, SynapsePlan plan, float[] a, float[] d, int m, bool intoWeights)
        => RowPasses.Gradient(plan.All, plan.Chunks, a, d, m, intoWeights);
}
