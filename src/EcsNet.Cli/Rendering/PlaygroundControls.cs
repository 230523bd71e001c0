namespace EcsNet.Cli.Rendering;

/// <summary>
/// The playground's keys while the live view runs: space or p pauses and resumes, s (or n) runs one epoch and pauses,
/// q quits. Keys are read between epochs, so a step is always a whole epoch.
/// </summary>
internal sealed class PlaygroundControls(Func<char?> readKey)
{
    /// <summary>The keys, as the status line shows them.</summary>
    public const string Help = "keys: space pause/resume · s one epoch · q quit";

    private bool _step;

    /// <summary>Reads the console's keys when it has a keyboard; never blocks.</summary>
    public static PlaygroundControls FromConsole()
        => new(() => !Console.IsInputRedirected && Console.KeyAvailable ? Console.ReadKey(intercept: true).KeyChar : null);

    /// <summary>No keys (redirected input, scripts, JSON).</summary>
    public static PlaygroundControls None { get; } = new(() => null);

    public bool Paused { get; private set; }

    public bool Quit { get; private set; }

    /// <summary>Applies one key.</summary>
    public void Handle(char key)
    {
        switch (char.ToLowerInvariant(key))
        {
            case ' ' or 'p':
                Paused = !Paused;
                break;
            case 's' or 'n':
                Paused = true;
                _step = true;
                break;
            case 'q':
                Quit = true;
                break;
        }
    }

    /// <summary>
    /// Waits while paused (calling <paramref name="paused"/> once when a pause begins, to redraw); true when the next
    /// epoch may run, false to stop (q, or cancellation).
    /// </summary>
    public bool NextEpoch(CancellationToken cancellation, Action paused)
    {
        Poll();
        var announced = false;
        while (Paused && !_step && !Quit)
        {
            if (!announced)
            {
                paused();
                announced = true;
            }

            if (cancellation.WaitHandle.WaitOne(50))
            {
                return false;
            }

            Poll();
        }

        _step = false;
        return !Quit && !cancellation.IsCancellationRequested;
    }

    private void Poll()
    {
        while (readKey() is { } key)
        {
            Handle(key);
        }
    }
}
