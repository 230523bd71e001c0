using EcsNet.Components;

namespace EcsNet.Training;

/// <summary>
/// A copy of every weight, bias and optimiser state, in storage order, so training can roll back to a good epoch.
/// Valid while the topology does not change.
/// </summary>
internal sealed class ParameterSnapshot
{
    private static readonly QueryDescription Weights = new QueryDescription().WithAll<Weight, OptimizerState>();
    private static readonly QueryDescription Biases = new QueryDescription().WithAll<Bias, OptimizerState>();

    private readonly List<float> _values = [];
    private readonly List<OptimizerState> _states = [];
    private long _updates;

    public void Capture(Network network)
    {
        _values.Clear();
        _states.Clear();
        foreach (ref var chunk in network.World.Query(in Weights))
        {
            chunk.GetSpan<Weight, OptimizerState>(out var w, out var s);
            for (var r = 0; r < chunk.Count; r++)
            {
                _values.Add(w[r].Value);
                _states.Add(s[r]);
            }
        }

        foreach (ref var chunk in network.World.Query(in Biases))
        {
            chunk.GetSpan<Bias, OptimizerState>(out var b, out var s);
            for (var r = 0; r < chunk.Count; r++)
            {
                _values.Add(b[r].Value);
                _states.Add(s[r]);
            }
        }

        _updates = network.UpdateCount;
    }

    public void Restore(Network network)
    {
        var i = 0;
        foreach (ref var chunk in network.World.Query(in Weights))
        {
            chunk.GetSpan<Weight, OptimizerState>(out var w, out var s);
            for (var r = 0; r < chunk.Count; r++, i++)
            {
                w[r].Value = _values[i];
                s[r] = _states[i];
            }
        }

        foreach (ref var chunk in network.World.Query(in Biases))
        {
            chunk.GetSpan<Bias, OptimizerState>(out var b, out var s);
            for (var r = 0; r < chunk.Count; r++, i++)
            {
                b[r].Value = _values[i];
                s[r] = _states[i];
            }
        }

        network.UpdateCount = _updates;
    }
}
