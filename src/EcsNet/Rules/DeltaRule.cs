using EcsNet.ActivationFunctions;
using EcsNet.Data;

namespace EcsNet.Rules;

/// <summary>
/// The delta rule: the Utah deck's GRADIENT-DESCENT(training_examples, η) on linear units o = w_0 + Σ w_i x_i,
/// minimising E(w) = ½ Σ_d (t_d − o_d)². Batch mode initialises each Δw_i to 0, adds η(t − o)x_i for every example,
/// then sets w_i ← w_i + Δw_i; incremental mode applies w_i ← w_i + η(t − o)x_i after each example. The network is
/// one layer of <see cref="Linear"/> units fed by the inputs (each unit learns on its own); the rule changes the
/// <see cref="Components.Weight"/> of the synapse entities and the <see cref="Components.Bias"/> w_0 of the units,
/// skipping <see cref="Components.Frozen"/> synapses and the bias of frozen units (<see cref="Network.FreezeBiases"/>).
/// </summary>
public static class DeltaRule
{
    /// <summary>Trains for <paramref name="epochs"/> passes over <paramref name="data"/> in order, or until E(w) ≤
    /// <paramref name="errorThreshold"/>.</summary>
    /// <param name="network">One layer of linear units; its current weights are the start.</param>
    /// <param name="data">The training examples ⟨x, t⟩.</param>
    /// <param name="mode">Batch or incremental.</param>
    /// <param name="learningRate">η &gt; 0 (the deck suggests 0.05). Batch mode diverges when η exceeds 2 over the
    /// largest eigenvalue of Σ_d x_d x_dᵀ (x with its leading 1).</param>
    /// <param name="epochs">The most epochs to run (at least 1).</param>
    /// <param name="errorThreshold">Stop once E(w) ≤ this (0: run every epoch unless E reaches 0).</param>
    /// <exception cref="ArgumentException">The network, data or a parameter is invalid.</exception>
    public static DeltaRuleResult Train(
        Network network, DataSet data, GradientDescentMode mode, float learningRate = 0.05f, int epochs = 100, double errorThreshold = 0)
    {
        SingleLayerUnits.Check(network, data, "delta rule", "linear", f => f is Linear, learningRate);
        ArgumentOutOfRangeException.ThrowIfLessThan(epochs, 1);
        if (!(errorThreshold >= 0) || double.IsInfinity(errorThreshold))
        {
            throw new ArgumentOutOfRangeException(nameof(errorThreshold), errorThreshold, "the error threshold must be a finite number ≥ 0");
        }

        if (!Enum.IsDefined(mode))
        {
            throw new ArgumentOutOfRangeException(nameof(mode), mode, "the mode is Batch or Incremental");
        }

        var all = Enumerable.Range(0, data.Count).ToArray();
        var initial = Error(network, data, all);
        var errors = new List<double>();
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            if (mode == GradientDescentMode.Batch)
            {
                BatchEpoch(network, data, all, learningRate);
            }
            else
            {
                IncrementalEpoch(network, data, learningRate);
            }

            var e = Error(network, data, all);
            errors.Add(e);
            if (e <= errorThreshold)
            {
                return new DeltaRuleResult(mode, initial, errors, true);
            }
        }

        return new DeltaRuleResult(mode, initial, errors, false);
    }

    /// <summary>E(w) = ½ Σ_d Σ_j (t_jd − o_jd)² over <paramref name="data"/> at the network's current weights.</summary>
    /// <exception cref="ArgumentException">The network is not one layer of linear units or the data does not fit it.</exception>
    public static double Error(Network network, DataSet data)
    {
        SingleLayerUnits.Check(network, data, "delta rule", "linear", f => f is Linear, 1f);
        return Error(network, data, Enumerable.Range(0, data.Count).ToArray());
    }

    private static double Error(Network network, DataSet data, int[] all)
    {
        network.LoadBatch(data, all);
        network.Forward();
        var o = network.Outputs;
        var m = all.Length;
        var sum = 0.0;
        for (var d = 0; d < m; d++)
        {
            var t = data.Target(d);
            for (var j = 0; j < t.Length; j++)
            {
                var e = (double)t[j] - o[j * m + d];
                sum += e * e;
            }
        }

        return 0.5 * sum;
    }

    private static void BatchEpoch(Network network, DataSet data, int[] all, float learningRate)
    {
        // The weights do not change within the epoch, so one forward pass over all examples gives every o_d.
        network.LoadBatch(data, all);
        network.Forward();
        var m = all.Length;
        var outputs = network.OutputSize;
        var error = new double[outputs * m];
        var o = network.Outputs;
        for (var d = 0; d < m; d++)
        {
            var t = data.Target(d);
            for (var j = 0; j < outputs; j++)
            {
                error[j * m + d] = (double)t[j] - o[j * m + d];
            }
        }

        // Δw_ji = Σ_d η(t_jd − o_jd)x_id, accumulated example by example as in the deck, then w_ji += Δw_ji.
        SingleLayerUnits.Update(
            network,
            (j, k) =>
            {
                var delta = 0.0;
                for (var d = 0; d < m; d++)
                {
                    delta += learningRate * error[j * m + d] * data.Input(d)[k];
                }

                return delta;
            },
            j =>
            {
                var delta = 0.0;
                for (var d = 0; d < m; d++)
                {
                    delta += learningRate * error[j * m + d];
                }

                return delta;
            });
    }

    private static void IncrementalEpoch(Network network, DataSet data, float learningRate)
    {
        var error = new double[network.OutputSize];
        for (var d = 0; d < data.Count; d++)
        {
            var x = data.Input(d).ToArray();
            var t = data.Target(d);
            var o = SingleLayerUnits.Output(network, x);
            for (var j = 0; j < error.Length; j++)
            {
                error[j] = (double)t[j] - o[j];
            }

            SingleLayerUnits.Update(network, (j, k) => learningRate * error[j] * x[k], j => learningRate * error[j]);
        }
    }
}
