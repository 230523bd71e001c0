namespace EcsNet.Kernels;

/// <summary>
/// The three synapse passes of a step, over the rows of a <see cref="SynapsePlan"/> and the batch buffers
/// (neuron-major, <c>[slot * m + b]</c>). <see cref="PassMode"/> picks the implementation once per step; the systems
/// call it without knowing which.
/// </summary>
internal interface ISynapsePasses
{
    /// <summary>z_j += Σ_k w_jk a_k over the synapses into <paramref name="layer"/>.</summary>
    void Forward(Network network, SynapsePlan plan, int layer, float[] a, float[] z, int m);

    /// <summary>g_k += Σ_j w_jk δ_j over the synapses into <paramref name="layer"/>, for sources from slot <paramref name="firstSource"/> on.</summary>
    void Backward(Network network, SynapsePlan plan, int layer, float[] d, float[] g, int m, int firstSource);

    /// <summary>∂C/∂w_jk += Σ_x a_k δ_j on every synapse, or w_jk += Σ_x a_k δ_j when <paramref name="intoWeights"/> (δ already scaled by −η/m).</summary>
    void Gradient(Network network, SynapsePlan plan, float[] a, float[] d, int m, bool intoWeights);
}
