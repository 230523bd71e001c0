using System.Globalization;
using EcsNet.Cli.Output;
using EcsNet.Cli.Rendering;
using EcsNet.Data;
using EcsNet.Training;
using Spectre.Console;

namespace EcsNet.Cli.Commands;

/// <summary>
/// What training achieved, measured after the last epoch: cost and accuracy with the confusion matrix and per-class
/// precision, recall and F1 for classes; MSE, MAE and R² for numeric targets. Printed as text or as the JSON summary.
/// </summary>
internal sealed class Report
{
    private readonly string[]? _classNames;

    private Report(Evaluation train, Evaluation? test, string[]? classNames, RegressionReport? trainErrors, RegressionReport? testErrors, int classes)
    {
        TrainEvaluation = train;
        TestEvaluation = test;
        _classNames = classNames;
        TrainErrors = trainErrors;
        TestErrors = testErrors;
        if (trainErrors is null)
        {
            // The matrix of the held-out data when there is some: that is the figure that generalises.
            Confusion = (test ?? train).Confusion(classes);
            Classes = ClassReport.From(Confusion, classNames);
        }
    }

    public Evaluation TrainEvaluation { get; }

    public Evaluation? TestEvaluation { get; }

    public RegressionReport? TrainErrors { get; }

    public RegressionReport? TestErrors { get; }

    /// <summary>[truth, prediction] on the test set (the training set without one); null for numeric targets.</summary>
    public int[,]? Confusion { get; }

    public ClassReport[]? Classes { get; }

    private string ConfusionOf => TestEvaluation is null ? "train" : "test";

    public static Report Of(Network network, DataSet train, DataSet? test, string[]? classNames, bool classification)
    {
        var trainEval = Evaluator.Evaluate(network, train);
        var testEval = test is null ? null : Evaluator.Evaluate(network, test);
        if (!classification)
        {
            return new Report(trainEval, testEval, null, RegressionReport.Of(network, train), test is null ? null : RegressionReport.Of(network, test), 0);
        }

        var classes = classNames?.Length ?? Math.Max(2, train.OutputSize);
        return new Report(trainEval, testEval, classNames, null, null, classes);
    }

    /// <summary>The stop reason as words: "completed", "early stopping", …</summary>
    public static string Words(StopReason reason) => reason switch
    {
        StopReason.ErrorThreshold => "error threshold reached",
        StopReason.EarlyStopping => "early stopping",
        StopReason.Cancelled => "interrupted",
        _ => reason.ToString().ToLowerInvariant(),
    };

    /// <summary>The summary table, then the confusion matrix and the per-class table for classes.</summary>
    public void Write(CliContext context, TrainingResult result, string? saved, OutputMode mode)
    {
        var console = context.Console();
        var c = CultureInfo.InvariantCulture;
        var table = new Table().Title("summary").AddColumn("").AddColumn(new TableColumn("value").RightAligned());
        table.AddRow("stopped", Markup.Escape(Words(result.StopReason)));
        if (result.StopReason == StopReason.EarlyStopping)
        {
            table.AddRow("best epoch", Markup.Escape($"{result.BestEpoch} (weights restored)"));
        }

        table.AddRow("epochs", result.Epochs.Count.ToString(c));
        table.AddRow("training cost", Fmt.Number(TrainEvaluation.Cost));
        if (TrainErrors is { } tr)
        {
            AddErrors(table, "training", tr);
        }
        else
        {
            table.AddRow("training accuracy", Markup.Escape($"{Fmt.Percent(TrainEvaluation.Accuracy)} ({TrainEvaluation.Correct}/{TrainEvaluation.Count})"));
        }

        if (TestEvaluation is { } test)
        {
            table.AddRow("test cost", Fmt.Number(test.Cost));
            if (TestErrors is { } te)
            {
                AddErrors(table, "test", te);
            }
            else
            {
                table.AddRow("test accuracy", Markup.Escape($"{Fmt.Percent(test.Accuracy)} ({test.Correct}/{test.Count})"));
            }
        }

        if (result.Epochs.Count > 0)
        {
            table.AddRow("time", result.Seconds.ToString("F1", c) + " s");
            table.AddRow("samples/s", result.SamplesPerSecond.ToString("N0", c));
        }

        if (saved is not null)
        {
            table.AddRow("saved", Markup.Escape(saved));
        }

        console.Write(table);
        if (Confusion is not null && Classes is not null && mode != OutputMode.Quiet)
        {
            console.Write(ConfusionTable.Create(Confusion, _classNames).Title($"confusion matrix, {ConfusionOf} set"));
            var classes = new Table().Title($"per class, {ConfusionOf} set").AddColumn("class").AddColumn(new TableColumn("precision").RightAligned())
                .AddColumn(new TableColumn("recall").RightAligned()).AddColumn(new TableColumn("F1").RightAligned()).AddColumn(new TableColumn("support").RightAligned());
            foreach (var k in Classes)
            {
                classes.AddRow(Markup.Escape(k.Name), k.Precision.ToString("F4", c), k.Recall.ToString("F4", c), k.F1.ToString("F4", c), k.Support.ToString(c));
            }

            console.Write(classes);
        }
    }

    /// <summary>The JSON summary line's fields (after "type": "summary").</summary>
    public object Json(TrainingResult result, string? saved) => new
    {
        stop_reason = Words(result.StopReason).Replace(' ', '_'),
        message = result.Message,
        epochs = result.Epochs.Count,
        best_epoch = result.BestEpoch,
        cost = TrainEvaluation.Cost,
        train_accuracy = TrainErrors is null ? TrainEvaluation.Accuracy : (double?)null,
        test_cost = TestEvaluation?.Cost,
        test_accuracy = TestEvaluation is not null && TestErrors is null ? TestEvaluation.Accuracy : (double?)null,
        train_mse = TrainErrors?.Mse,
        train_mae = TrainErrors?.Mae,
        train_r2 = TrainErrors?.R2,
        test_mse = TestErrors?.Mse,
        test_mae = TestErrors?.Mae,
        test_r2 = TestErrors?.R2,
        confusion_set = Confusion is null ? null : ConfusionOf,
        confusion = Confusion is null ? null : ClassReport.Rows(Confusion),
        classes = Classes?.Select(k => new { @class = k.Class, name = k.Name, precision = k.Precision, recall = k.Recall, f1 = k.F1, support = k.Support }).ToArray(),
        samples = result.Samples,
        seconds = result.Seconds,
        samples_per_second = result.SamplesPerSecond,
        saved,
    };

    private static void AddErrors(Table table, string set, RegressionReport r)
    {
        table.AddRow($"{set} MSE", Fmt.Number(r.Mse));
        table.AddRow($"{set} MAE", Fmt.Number(r.Mae));
        table.AddRow($"{set} R²", double.IsNaN(r.R2) ? "n/a (constant targets)" : r.R2.ToString("F4", CultureInfo.InvariantCulture));
    }
}
