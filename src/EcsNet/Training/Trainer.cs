using System.Diagnostics;
using EcsNet.ActivationFunctions;
using EcsNet.Data;

namespace EcsNet.Training;

/// <summary>
/// Mini-batch stochastic gradient descent over epochs (batch and incremental descent are the cases m = n and m = 1):
/// shuffle with the seed, then for each mini-batch feed forward, backpropagate and update. The library never prints:
/// observe <see cref="EpochCompleted"/> and <see cref="Progress"/>.
/// </summary>
public sealed class Trainer
{
    /// <summary>Creates a trainer with the given options.</summary>
    public Trainer(TrainingOptions options) => Options = options ?? throw new ArgumentNullException(nameof(options));

    /// <summary>The hyperparameters.</summary>
    public TrainingOptions Options { get; }

    /// <summary>Raised after each epoch with its metrics.</summary>
    public event Action<EpochMetrics>? EpochCompleted;

    /// <summary>Raised after each mini-batch.</summary>
    public event Action<TrainingProgress>? Progress;

    /// <summary>
    /// Systems this trainer adds to the network's pipeline for the length of <see cref="Train"/>, each at its phase, and
    /// takes out again afterwards (for example <see cref="Systems.StepPhase.EndOfEpoch"/> pruning). Each is created when
    /// added and disposed when taken out, so it can undo what it set on the network (a dropout mask, say).
    /// </summary>
    public IList<(Systems.StepPhase Phase, ISystem<Systems.StepContext> System)> Systems { get; } = [];

    /// <summary>
    /// Trains <paramref name="network"/> on <paramref name="train"/>, measuring <paramref name="test"/> after each epoch.
    /// Cancellation stops between two mini-batches, leaving the network as after the last complete update.
    /// </summary>
    /// <exception cref="ArgumentException">An option is invalid or the data does not fit the network.</exception>
    public TrainingResult Train(Network network, DataSet train, DataSet? test = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(network);
        foreach (var (phase, system) in Systems)
        {
            network.Systems.Add(phase, system);
        }

        try
        {
            return Run(network, train, test, cancellation);
        }
        finally
        {
            foreach (var (_, system) in Systems)
            {
                if (network.Systems.Any(e => ReferenceEquals(e.System, system)))
                {
                    network.Systems.Remove(system);
                }
            }

            network.Context.Epoch = 0;
        }
    }

    private TrainingResult Run(Network network, DataSet train, DataSet? test, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(train);
        var o = Options;
        o.Validate();
        train.CheckFits(network);
        test?.CheckFits(network);
        CheckParametersAreFinite(network);

        DataSet? validation = null;
        if (o.ValidationFraction > 0)
        {
            (train, validation) = train.Split(o.ValidationFraction, unchecked((int)o.Seed));
            if (train.Count == 0 || validation.Count == 0)
            {
                throw new ArgumentException($"validation fraction {o.ValidationFraction} leaves an empty training or validation set");
            }
        }

        var n = train.Count;
        var m = o.BatchSizeFor(n);
        var order = Enumerable.Range(0, n).ToArray();
        var random = new SeededRandom(o.Seed);
        var lastGood = new ParameterSnapshot();
        lastGood.Capture(network);
        ParameterSnapshot? best = null;
        var bestValidation = double.PositiveInfinity;
        var bestEpoch = 0;
        var sinceBest = 0;
        var history = new EpochHistory();
        var outputs = network.OutputSize;
        var outputActivation = network.OutputLayer.Function;

        var last = o.StartEpoch + o.Epochs;
        for (var epoch = o.StartEpoch; epoch < last; epoch++)
        {
            if (o.Shuffle)
            {
                random.Shuffle(order.AsSpan());
            }

            var eta = o.Schedule.At(epoch, o.LearningRate);
            network.Context.Epoch = epoch + 1;
            var cost = 0.0;
            var correct = 0;
            var seen = 0;
            var started = Stopwatch.GetTimestamp();
            for (var start = 0; start < n; start += m)
            {
                if (cancellation.IsCancellationRequested)
                {
                    return new TrainingResult(history, StopReason.Cancelled, $"cancelled in epoch {epoch + 1} after {seen} samples");
                }

                var batch = order.AsSpan(start, Math.Min(m, n - start));
                network.LoadBatch(train, batch);
                network.RunForward(training: true);
                correct += CountCorrect(network, outputs, batch.Length, outputActivation);
                var batchCost = network.BackpropagateAndUpdate(o.Optimizer, eta, o.L1, o.L2, o.BatchGradient);
                if (!double.IsFinite(batchCost))
                {
                    return Diverged(network, lastGood, history, epoch - o.StartEpoch, epoch, $"the cost became {batchCost} in epoch {epoch + 1}");
                }

                cost += batchCost;
                seen += batch.Length;
                Progress?.Invoke(new TrainingProgress(epoch + 1, last, seen, n, cost / seen));
            }

            network.Systems.Run(EcsNet.Systems.StepPhase.EndOfEpoch);
            if (!network.ParametersAreFinite())
            {
                return Diverged(network, lastGood, history, epoch - o.StartEpoch, epoch, $"a weight became non-finite in epoch {epoch + 1}");
            }

            // The epoch's time counts its bookkeeping (end-of-epoch systems, the finiteness check, the rollback
            // snapshot), so samples per second is what a run achieves; evaluation is not training and is left out.
            lastGood.Capture(network);
            var elapsed = Stopwatch.GetElapsedTime(started).TotalSeconds;

            var metrics = new EpochMetrics
            {
                Epoch = epoch + 1,
                Cost = cost / n,
                TrainAccuracy = (double)correct / n,
                LearningRate = eta,
                Samples = n,
                Seconds = elapsed,
                SamplesPerSecond = n / Math.Max(elapsed, 1e-9),
            };
            if (validation is not null)
            {
                var v = Evaluator.Evaluate(network, validation);
                metrics = metrics with { ValidationCost = v.Cost, ValidationAccuracy = v.Accuracy };
            }

            if (test is not null)
            {
                var t = Evaluator.Evaluate(network, test);
                metrics = metrics with { TestCost = t.Cost, TestAccuracy = t.Accuracy };
            }

            history.Add(metrics);
            EpochCompleted?.Invoke(metrics);

            if (o.ErrorThreshold is { } threshold && metrics.Cost <= threshold)
            {
                return new TrainingResult(history, StopReason.ErrorThreshold, $"training cost {metrics.Cost:G4} ≤ {threshold:G4} after epoch {epoch + 1}");
            }

            if (o.EarlyStopPatience > 0 && metrics.ValidationCost is { } vc)
            {
                if (vc < bestValidation)
                {
                    bestValidation = vc;
                    bestEpoch = epoch + 1;
                    sinceBest = 0;
                    (best ??= new ParameterSnapshot()).Capture(network);
                }
                else if (++sinceBest >= o.EarlyStopPatience)
                {
                    var report = best!.Restore(network);
                    var epochs = o.EarlyStopPatience == 1 ? "1 epoch" : $"{o.EarlyStopPatience} epochs";
                    return new TrainingResult(history, StopReason.EarlyStopping,
                        $"early stopping at epoch {epoch + 1}: the validation cost did not improve for {epochs}; restored the best weights, from epoch {bestEpoch} (validation cost {bestValidation:G4}){report.Describe()}")
                    {
                        BestEpoch = bestEpoch,
                    };
                }
            }
        }

        return new TrainingResult(history, StopReason.Completed, $"completed {o.Epochs} epochs");
    }

    private static TrainingResult Diverged(Network network, ParameterSnapshot lastGood, EpochHistory history, int epochsDone, int epoch, string what)
    {
        network.DiscardGradients();
        var report = lastGood.Restore(network);
        var kept = epochsDone == 0 ? "the initial weights" : $"the weights after epoch {epoch}";
        return new TrainingResult(history, StopReason.Diverged, $"training diverged: {what} (try a smaller learning rate); kept {kept}{report.Describe()}");
    }

    private static int CountCorrect(Network network, int outputs, int m, IActivationFunction? activation)
    {
        var a = network.Outputs;
        var y = network.Batch.Y.AsSpan(0, outputs * m);
        var correct = 0;
        for (var b = 0; b < m; b++)
        {
            if (Classification.ClassOf(a, outputs, m, b, activation) == Classification.ClassOf(y, outputs, m, b, activation))
            {
                correct++;
            }
        }

        return correct;
    }

    /// <summary>
    /// A NaN or infinite parameter set before training would make every cost NaN and the divergence fallback restore
    /// it; refuse instead, naming the first bad weight or bias.
    /// </summary>
    private static void CheckParametersAreFinite(Network network)
    {
        if (network.ParametersAreFinite())
        {
            return;
        }

        var bad = network.Parameters().First(p => !float.IsFinite(p.Value));
        var what = bad.IsWeight
            ? $"the weight w_jk^l from neuron {bad.Source} of layer {bad.SourceLayer} to neuron {bad.Index} of layer {bad.Layer}"
            : $"the bias b_j^l of neuron {bad.Index} of layer {bad.Layer}";
        throw new ArgumentException(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{what} is {bad.Value} before training; give it a finite value"));
    }
}
