using System.Globalization;
using EcsNet.Cli.Output;
using EcsNet.Data;
using EcsNet.Training;

namespace EcsNet.Cli.Commands;

/// <summary>Runs a <see cref="Trainer"/> and reports each epoch in the chosen <see cref="OutputMode"/>.</summary>
internal static class TrainingSession
{
    /// <summary>Trains, printing epoch lines (every <paramref name="logEvery"/>-th), a progress bar, or JSON lines.</summary>
    /// <param name="context">Where to write, and the cancellation (Ctrl-C).</param>
    /// <param name="trainer">The trainer, with the run's options.</param>
    /// <param name="network">The network being trained.</param>
    /// <param name="train">The training set.</param>
    /// <param name="test">The test set, evaluated each epoch, or null.</param>
    /// <param name="mode">Epoch lines, progress bar, JSON lines or quiet.</param>
    /// <param name="logEvery">Print every this-many-th epoch (and the last).</param>
    /// <param name="classification">False for numeric targets: no accuracy is printed.</param>
    public static TrainingResult Run(CliContext context, Trainer trainer, Network network, DataSet train, DataSet? test,
        OutputMode mode, int logEvery, bool classification)
    {
        var epochs = trainer.Options.StartEpoch + trainer.Options.Epochs;
        var printed = 0;
        EpochMetrics? last = null;
        switch (mode)
        {
            case OutputMode.Json:
                var json = new JsonLines(context.Out);
                trainer.EpochCompleted += m => json.Write("epoch", new
                {
                    epoch = m.Epoch,
                    cost = m.Cost,
                    train_accuracy = classification ? m.TrainAccuracy : (double?)null,
                    validation_cost = m.ValidationCost,
                    validation_accuracy = classification ? m.ValidationAccuracy : null,
                    test_cost = m.TestCost,
                    test_accuracy = classification ? m.TestAccuracy : null,
                    learning_rate = m.LearningRate,
                    seconds = m.Seconds,
                    samples_per_second = m.SamplesPerSecond,
                });
                break;
            case OutputMode.Plain:
                trainer.EpochCompleted += m =>
                {
                    last = m;
                    if (Shows(m.Epoch, epochs, logEvery))
                    {
                        printed = m.Epoch;
                        context.Out.WriteLine(EpochLine(m, epochs, classification));
                        context.Out.Flush();
                    }
                };
                break;
            case OutputMode.Live:
                var bar = new ProgressLine(context.Out, context.Width);
                trainer.Progress += bar.Update;
                trainer.EpochCompleted += m =>
                {
                    last = m;
                    var show = Shows(m.Epoch, epochs, logEvery);
                    printed = show ? m.Epoch : printed;
                    bar.Finish(show ? EpochLine(m, epochs, classification) : null, m.Samples);
                };
                break;
        }

        var result = trainer.Train(network, train, test, context.Cancellation);
        if (last is { } final && printed != final.Epoch)
        {
            // Stopped early between two logged epochs: the last one still gets its line.
            context.Out.WriteLine(EpochLine(final, epochs, classification));
        }

        return result;
    }

    /// <summary>The default of --log-every: every epoch up to 50, else a round step giving about 50 lines.</summary>
    public static int DefaultLogEvery(int epochs)
    {
        foreach (var step in new[] { 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000 })
        {
            if (epochs / step <= 50)
            {
                return step;
            }
        }

        return 10000;
    }

    /// <summary>"epoch  3/30  cost 0.0412  train 91.20%  validation 0.0501 90.00%  test 92.05%  1.31 s  6,105 samples/s".</summary>
    public static string EpochLine(EpochMetrics m, int epochs, bool classification)
    {
        var c = CultureInfo.InvariantCulture;
        var width = epochs.ToString(c).Length;
        var line = string.Create(c, $"epoch {m.Epoch.ToString(c).PadLeft(width)}/{epochs}  cost {Fmt.Number(m.Cost)}");
        if (classification)
        {
            line += $"  train {Fmt.Percent(m.TrainAccuracy)}";
        }

        if (m.ValidationCost is { } vc)
        {
            line += $"  validation cost {Fmt.Number(vc)}";
            if (classification && m.ValidationAccuracy is { } va)
            {
                line += $" {Fmt.Percent(va)}";
            }
        }

        if (classification && m.TestAccuracy is { } t)
        {
            line += $"  test {Fmt.Percent(t)}";
        }
        else if (!classification && m.TestCost is { } tc)
        {
            line += $"  test cost {Fmt.Number(tc)}";
        }

        return line + string.Create(c, $"  {m.Seconds:F2} s  {m.SamplesPerSecond:N0} samples/s");
    }

    private static bool Shows(int epoch, int epochs, int every) => epoch == 1 || epoch == epochs || epoch % every == 0;
}
