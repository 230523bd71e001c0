using System.CommandLine;
using EcsNet.Cli.Options;

namespace EcsNet.Cli.Commands;

/// <summary>
/// <c>ecsnet</c> with no command: the lectures' MNIST network (784-30-10 sigmoid, quadratic cost, N(0,1) weights,
/// the library's default η and mini-batch) on the embedded 8,000/2,000 digits, with a summary, confusion matrix and
/// some mistakes.
/// </summary>
internal static class MainJobCommand
{
    public static Command CreateRoot(CliContext context)
    {
        var root = HelpText.Command("ecsnet", $"""
            EcsNet: neural networks whose neurons, synapses and layers are ECS entities.

            With no command, trains the lectures' network on the embedded MNIST-10k (8,000 training and 2,000 test
            digits): {DataSources.MnistSetup}, N(0,1) initial weights;
            then prints a summary, the 10×10 confusion matrix, per-class precision, recall and F1, and a few misclassified digits.
            Ctrl-C stops after the current mini-batch (exit code 130).

            Examples:
              ecsnet
              ecsnet --epochs 5 --seed 7 --plot curves.svg
              ecsnet train --help
            """);
        var o = new TrainOptionSet();
        o.AddMainJob(root);
        HelpText.Install(root, context.Out);
        root.SetAction(p => TrainRunner.Execute(context, p, o, "ecsnet", dataset: "mnist"));
        return root;
    }
}
