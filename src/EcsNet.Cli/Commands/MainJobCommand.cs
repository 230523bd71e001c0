using System.CommandLine;
using EcsNet.Cli.Options;

namespace EcsNet.Cli.Commands;

/// <summary>
/// <c>ecsnet</c> with no command: the lectures' MNIST network (784-30-10 sigmoid, quadratic cost, N(0,1) weights,
/// η = 3.0, mini-batch 10) on the embedded 8,000/2,000 digits, with a summary, confusion matrix and some mistakes.
/// </summary>
internal static class MainJobCommand
{
    public static Command CreateRoot(CliContext context)
    {
        var root = HelpText.Command("ecsnet", """
            EcsNet: neural networks whose neurons, synapses and layers are ECS entities.

            With no command, trains the lectures' network on the embedded MNIST-10k (8,000 training and 2,000 test
            digits): 784-30-10 sigmoid, quadratic cost, N(0,1) initial weights, η = 3.0, mini-batch 10, 30 epochs;
            then prints a summary, the 10×10 confusion matrix and a few misclassified digits.
            Ctrl-C stops after the current mini-batch (exit code 130).

            Examples:
              ecsnet
              ecsnet --epochs 5 --seed 7
              ecsnet train --help
            """);
        var epochs = new Option<int>("--epochs") { Description = "Passes over the training data", DefaultValueFactory = _ => 30 };
        var seed = Opt.Seed();
        var threads = Opt.Threads();
        var save = new Option<string?>("--save") { Description = "Save the trained model here" };
        var json = Opt.Json();
        var quiet = Opt.Quiet();
        foreach (var option in new Option[] { epochs, seed, threads, save, json, quiet })
        {
            root.Add(option);
        }

        HelpText.Install(root, context.Out);
        root.SetAction(p => TrainRunner.Execute(context, new TrainRequest
        {
            Dataset = "mnist",
            Epochs = p.GetValue(epochs),
            Seed = p.GetValue(seed),
            Threads = p.GetValue(threads),
            Save = p.GetValue(save),
            Json = p.GetValue(json),
            Quiet = p.GetValue(quiet),
            Showcase = true,
        }));
        return root;
    }
}
