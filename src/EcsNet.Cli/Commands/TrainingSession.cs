using System.Diagnostics;
using System.Globalization;
using EcsNet.Cli.Output;
using EcsNet.Data;
using EcsNet.Training;
using Spectre.Console;

namespace EcsNet.Cli.Commands;

/// <summary>Runs a <see cref="Trainer"/> and reports each epoch in the chosen <see cref="OutputMode"/>.</summary>
internal static class TrainingSession
{
    public static TrainingResult Run(CliContext context, Network network, DataSet train, DataSet? test, TrainingOptions options, OutputMode mode)
    {
        var trainer = new Trainer(options);
        switch (mode)
        {
            case OutputMode.Json:
                var json = new JsonLines(context.Out);
                trainer.EpochCompleted += m => json.Write(new
                {
                    epoch = m.Epoch,
                    cost = m.Cost,
                    train_accuracy = m.TrainAccuracy,
                    test_accuracy = m.TestAccuracy,
                    test_cost = m.TestCost,
                    validation_accuracy = m.ValidationAccuracy,
                    seconds = m.Seconds,
                    samples_per_second = m.SamplesPerSecond,
                });
                return trainer.Train(network, train, test, context.Cancellation);
            case OutputMode.Plain:
                trainer.EpochCompleted += m =>
                {
                    context.Out.WriteLine(EpochLine(m, options.Epochs));
                    context.Out.Flush();
                };
                return trainer.Train(network, train, test, context.Cancellation);
            case OutputMode.Live:
                return RunLive(context, trainer, network, train, test, options);
            default:
                return trainer.Train(network, train, test, context.Cancellation);
        }
    }

    /// <summary>"epoch  3/30  cost 0.0412  train 91.20%  test 92.05%  1.31 s  6,105 samples/s".</summary>
    public static string EpochLine(EpochMetrics m, int epochs)
    {
        var width = epochs.ToString(CultureInfo.InvariantCulture).Length;
        var line = string.Create(CultureInfo.InvariantCulture,
            $"epoch {m.Epoch.ToString(CultureInfo.InvariantCulture).PadLeft(width)}/{epochs}  cost {m.Cost:F4}  train {Fmt.Percent(m.TrainAccuracy)}");
        if (m.ValidationAccuracy is { } v)
        {
            line += string.Create(CultureInfo.InvariantCulture, $"  validation {Fmt.Percent(v)}");
        }

        if (m.TestAccuracy is { } t)
        {
            line += string.Create(CultureInfo.InvariantCulture, $"  test {Fmt.Percent(t)}");
        }

        return line + string.Create(CultureInfo.InvariantCulture, $"  {m.Seconds:F2} s  {m.SamplesPerSecond:N0} samples/s");
    }

    private static TrainingResult RunLive(CliContext context, Trainer trainer, Network network, DataSet train, DataSet? test, TrainingOptions options)
    {
        var console = context.Console();
        TrainingResult? result = null;
        console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(progress =>
            {
                var task = progress.AddTask("epoch 1", maxValue: 1);
                var clock = Stopwatch.StartNew();
                var epoch = 0;
                trainer.Progress += p =>
                {
                    if (p.Epoch != epoch)
                    {
                        epoch = p.Epoch;
                        clock.Restart();
                    }

                    var rate = p.SamplesDone / Math.Max(clock.Elapsed.TotalSeconds, 1e-9);
                    task.Description = string.Create(CultureInfo.InvariantCulture, $"epoch {p.Epoch}/{p.Epochs}  {rate:N0} samples/s");
                    task.Value = (double)p.SamplesDone / p.SamplesTotal;
                };
                trainer.EpochCompleted += m => console.MarkupLine(Markup.Escape(EpochLine(m, options.Epochs)));
                result = trainer.Train(network, train, test, context.Cancellation);
                task.Value = 1;
            });
        return result!;
    }
}
