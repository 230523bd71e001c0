using System.CommandLine;
using EcsNet.Cli.Options;

namespace EcsNet.Cli.Commands;

/// <summary><c>ecsnet train</c>: trains a network on a built-in data set, a CSV file or an IDX folder.</summary>
internal static class TrainCommand
{
    public static Command Create(CliContext context)
    {
        var command = HelpText.Command("train", $"""
            Train a network on a built-in data set, a CSV file or an MNIST folder; cost and accuracy per epoch.

            Defaults per data set (each can be overridden by its option):
            {DataSources.DefaultsHelp()}
            Classes get a confusion matrix and per-class precision, recall and F1; numeric targets (--target) MSE, MAE and R².
            Ctrl-C stops after the current mini-batch, saves with --save and exits with code 130.

            Examples:
              ecsnet train --dataset xor
              ecsnet train --dataset iris --layers 4,10,3 --activation relu,softmax --cost cross-entropy --optimizer adam --lr 0.01
              ecsnet train --data flowers.csv --label species --epochs 100 --save flowers.json --plot curves.svg
              ecsnet train --dataset iris --validation 0.2 --early-stop 10 --checkpoint runs/iris
              ecsnet train --dataset mnist --epochs 5 --json > metrics.jsonl
            """);
        var o = new TrainOptionSet();
        o.AddAll(command);
        command.SetAction(parse => TrainRunner.Execute(context, parse, o, "train"));
        return command;
    }
}
