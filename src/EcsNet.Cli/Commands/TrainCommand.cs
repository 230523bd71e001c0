using System.CommandLine;

namespace EcsNet.Cli.Commands;

/// <summary><c>ecsnet train</c>: trains a network on a built-in data set, a CSV file or an IDX folder.</summary>
internal static class TrainCommand
{
    public static Command Create(CliContext context)
    {
        var command = HelpText.Command("train", """
            Train a network on a built-in data set, a CSV file or an MNIST folder; cost and accuracy per epoch.

            Defaults follow the data set: mnist → 784-30-10 sigmoid, quadratic, η 3.0, batch 10, 30 epochs;
            xor/and/or/nand/xnor → 2-3-1 sigmoid; iris → 4-8-3 sigmoid, z-score inputs, a held-out third as test set;
            circle/xor2d/gauss/spiral → 2-8-8-1 tanh (sigmoid output), half the points as test set.
            Ctrl-C stops after the current mini-batch, saves with --save and exits with code 130.

            Examples:
              ecsnet train --dataset xor
              ecsnet train --dataset iris --layers 4,10,3 --activation relu,softmax --cost cross-entropy --optimizer adam --lr 0.01
              ecsnet train --data flowers.csv --label species --epochs 100 --save flowers.json --plot curves.svg
              ecsnet train --dataset mnist --epochs 5 --json > metrics.jsonl
            """);
        var o = new TrainOptions();
        o.AddTo(command);
        command.SetAction(parse => TrainRunner.Execute(context, o.Read(parse)));
        return command;
    }
}
