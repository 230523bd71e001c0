using EcsNet.Cli;

// Ctrl-C asks training to stop after the current mini-batch (and save with --save) instead of killing the process;
// a second Ctrl-C is not intercepted, so an impatient user can still abort at once.
using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    if (!cancellation.IsCancellationRequested)
    {
        e.Cancel = true;
        cancellation.Cancel();
    }
};

return Cli.Run(args, Console.Out, Console.Error, cancellation.Token, interactive: !Console.IsOutputRedirected);
