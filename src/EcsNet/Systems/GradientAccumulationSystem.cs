using System.Numerics.Tensors;
using EcsNet.Components;
using EcsNet.Kernels;

namespace EcsNet.Systems;

/// <summary>
/// ∂C/∂w_jk += Σ_x a_k δ_j on every synapse and ∂C/∂b_j += Σ_x δ_j on every neuron, summed over the batch's samples.
/// </summary>
internal sealed class GradientAccumulationSystem : ISystem<Network>
{
    private readonly GradientTileJob _tiles = new();

    public void Update(Network network)
    {
        var batch = network.Batch;
        var m = batch.Size;
        var a = batch.A;
        var d = batch.D;
        var plan = network.EnsurePlan();

        if (network.PassMode == PassMode.Reference)
        {
            RowPasses.Gradient(plan.All, plan.Chunks, a, d, m);
        }
        else
        {
            // The tiles read activations sample-major: transpose the hidden layers (the inputs arrive that way).
            _tiles.Set(plan, plan.AllTiles, m);
            _tiles.SampleMajor = batch.SampleMajorActivations(network.InputSize, network.OutputLayer.FirstSlot);
            _tiles.Stride = network.NeuronCount;
            _tiles.A = a;
            _tiles.D = d;
            long work = 0;
            for (var l = 1; l < network.Layers.Count; l++)
            {
                work += plan.TileWork(l);
            }

            network.RunTiles(_tiles, work * m);

            RowPasses.Gradient(plan.AllSparse, plan.Chunks, a, d, m);
        }

        foreach (ref var chunk in network.World.Query(in Network.BiasedNeuronQuery))
        {
            chunk.GetSpan<Neuron, BiasGradient>(out var neurons, out var gradients);
            for (var r = 0; r < chunk.Count; r++)
            {
                gradients[r].Value += TensorPrimitives.Sum<float>(d.AsSpan(neurons[r].Slot * m, m));
            }
        }

        NeuronMirror.WriteDeltas(network);
    }
}
