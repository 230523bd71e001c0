using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using EcsNet.Persistence;
using Xunit.Abstractions;

namespace EcsNet.Cli.Tests.Reliability;

/// <summary>
/// Saving is atomic, so a crash can never leave a half-written model: the real program is SIGKILLed at random moments, many of them while it writes a
/// large model, and the target file is always either the old or the new complete model.
/// </summary>
[Collection(ReliabilityCollection.Name)]
public sealed partial class AtomicSaveUnderKillTests(ITestOutputHelper log)
{
    /// <summary>Runs per test: about a minute on two cores (each run of the program takes 1–1.5 s).</summary>
    private const int Kills = 45;

    /// <summary>
    /// More runs, only while the kills so far are too few to show anything: on a fast, idle machine the write can end
    /// before an aimed kill arrives, and the evidence asked for below must not depend on the machine's speed.
    /// </summary>
    private const int MaxRuns = 3 * Kills;

    private const int MinKilled = 20;

    private const int MinKilledDuringWrite = 5;

    private const int Seed = 20261123;

    // 784 → 1000 → 2 is 786,000 weights, a ~9 MB file: the write takes tens of milliseconds, long enough to be hit
    // deliberately, while twenty training rows keep the rest of each run short.
    private static readonly int[] Layers = [784, 1000, 2];

    [Fact]
    public void KillingTheProgramAtRandomMomentsLeavesTheOldOrTheNewCompleteModel()
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            return; // Process.Kill is SIGKILL only on Unix; on Windows a rename over an open file behaves differently.
        }

        using var work = new TempFolder();
        using var saves = new TempFolder();
        var csv = work.Write("wide.csv", WideCsv(rows: 20, features: Layers[0]));
        var target = saves.File("target.json");
        string[] Train(string save, int seed) =>
            ["train", "--data", csv, "--layers", string.Join(',', Layers), "--epochs", "1", "--batch", "10",
             "--seed", seed.ToString(CultureInfo.InvariantCulture), "--quiet", "--save", save];

        // The old model: same shape, other weights, so old and new differ in almost every byte.
        var oldPath = work.File("old.json");
        var old = CliRunner.Run(Train(oldPath, seed: 2));
        Assert.True(old.ExitCode == 0, old.ToString());
        var oldBytes = File.ReadAllBytes(oldPath);

        // The new model: one uninterrupted run of exactly the command that is killed below (training is
        // deterministic, so every completed save writes these bytes). It also times the run and its write window.
        var newPath = work.File("new.json");
        var (runTime, saveStart, saveEnd) = TimedRun(Train(newPath, seed: 1), work.Path, "new.json");
        var newBytes = File.ReadAllBytes(newPath);
        Assert.Equal(Layers, ModelFile.Read(newPath).Layers.Select(l => l.Size));
        Assert.NotEqual(oldBytes, newBytes);
        var window = saveEnd - saveStart;
        log.WriteLine($"reference run {runTime.TotalMilliseconds:F0} ms; temp file seen from {saveStart.TotalMilliseconds:F0} to {saveEnd.TotalMilliseconds:F0} ms; model {newBytes.Length:N0} bytes");

        var random = new Random(Seed);
        int killed = 0, duringWrite = 0, beforeSave = 0, afterRename = 0, exitedFirst = 0;
        var leftovers = new HashSet<string>(StringComparer.Ordinal);
        var clock = Stopwatch.StartNew();
        var runs = 0;
        for (var i = 0; i < Kills || (i < MaxRuns && (killed < MinKilled || duringWrite < MinKilledDuringWrite)); i++)
        {
            runs++;
            File.WriteAllBytes(target, oldBytes);

            // A third of the kills are spread over the whole run; the rest aim at the write itself, at a random moment
            // in the first half of the measured window after the temporary file appears, because a uniform delay would
            // hit a window of ~2% of the run only rarely. Polling lag (worse on a busy machine) pushes some of them
            // past the rename, so both sides of it are still covered.
            var aimed = i % 3 != 0;
            var delay = aimed ? window / 2 * random.NextDouble() : runTime * 1.1 * random.NextDouble();
            using var run = CliProcess.Start(Train(target, seed: 1));
            var since = Stopwatch.StartNew();
            if (aimed)
            {
                // The writability check before training leaves a short-lived, empty probe with the same kind of name;
                // the save's temporary file has bytes in it from its first flush. Waiting for bytes rather than for
                // the reference run's timing keeps the aim when this run is faster or slower than that one (beside
                // other test processes the reference run may take three times as long). Yield rather than sleep: a
                // 1 ms sleep is a sizeable part of a ~20 ms window.
                while (!run.Process.HasExited && !SaveHasBegun(saves.Path, leftovers))
                {
                    Thread.Yield();
                }

                since.Restart();
            }

            while (!run.Process.HasExited && since.Elapsed < delay)
            {
                Thread.SpinWait(100);
            }

            run.Kill();
            var wasKilled = run.Process.ExitCode == 137; // 128 + SIGKILL; 0 means it finished before the kill.
            if (!wasKilled)
            {
                Assert.True(run.Process.ExitCode == 0, $"run {i}: exit {run.Process.ExitCode}\n{run.Text}");
                exitedFirst++;
            }
            else
            {
                killed++;
            }

            // The guarantee: the target is byte for byte the old or the new model, and it loads.
            var bytes = File.ReadAllBytes(target);
            var isOld = bytes.AsSpan().SequenceEqual(oldBytes);
            var isNew = bytes.AsSpan().SequenceEqual(newBytes);
            // One line per run, so a failure shows what led up to it.
            log.WriteLine($"run {i}: {(aimed ? "aimed" : "uniform")} delay {delay.TotalMilliseconds:F1} ms, exit {run.Process.ExitCode}, target {(isOld ? "old" : isNew ? "new" : "CORRUPT")}");
            Assert.True(isOld || isNew, $"run {i} (killed after {since.Elapsed.TotalMilliseconds:F1} ms{(aimed ? " of the write" : "")}): target has {bytes.Length} bytes, neither the old ({oldBytes.Length}) nor the new ({newBytes.Length}) model");
            Assert.Equal(Layers, ModelFile.Read(target).Layers.Select(l => l.Size));

            // A writer killed before its rename leaves its temporary file (hidden, uniquely named, never the target):
            // ModelFile.Write deletes it only on an exception, and a later save sweeps it once it has been untouched
            // for a while. So the test checks that such files are the writer's and that the target was then still the
            // old model.
            var fresh = NewTempFiles(saves.Path, leftovers);
            Assert.True(fresh.Length <= 1, $"run {i}: one writer left {fresh.Length} temporary files");
            if (fresh.Length == 1)
            {
                Assert.True(wasKilled, $"run {i}: a completed run left {fresh[0]}");
                Assert.True(isOld, $"run {i}: the temporary file is still there, so the rename cannot have happened");
                leftovers.Add(fresh[0]);
                duringWrite++;
            }
            else if (wasKilled && isOld)
            {
                beforeSave++;
            }
            else if (wasKilled)
            {
                afterRename++;
            }

            Assert.Equal(["target.json"], Directory.GetFiles(saves.Path).Select(Path.GetFileName).Except(leftovers));
        }

        // With the leftovers of the killed writers still in the folder, a later save works and is complete.
        using var last = CliProcess.Start(Train(target, seed: 1));
        Assert.True(last.WaitForExit(TimeSpan.FromSeconds(60)) == 0, last.Text);
        Assert.Equal(newBytes, File.ReadAllBytes(target));

        log.WriteLine($"{runs} runs in {clock.Elapsed.TotalSeconds:F1} s: {killed} killed ({duringWrite} during the write, " +
            $"{beforeSave} before it, {afterRename} after the rename), {exitedFirst} finished before the kill; " +
            $"{leftovers.Count} temporary files left by killed writers, {leftovers.Count - (Directory.GetFiles(saves.Path).Length - 1)} of them since swept as stale by later saves");
        Assert.True(killed >= MinKilled, $"only {killed} of {runs} runs were killed");
        // Without kills inside the write the test would prove nothing about atomicity; aiming makes them common.
        Assert.True(duringWrite >= MinKilledDuringWrite, $"only {duringWrite} kills landed during the write");
    }

    /// <summary>Runs to completion, polling for the writer's temporary file to time the write window.</summary>
    private static (TimeSpan Run, TimeSpan SaveStart, TimeSpan SaveEnd) TimedRun(string[] args, string folder, string file)
    {
        var clock = Stopwatch.StartNew();
        using var run = CliProcess.Start(args);
        // The last stretch in which a temporary file is seen is the save; an earlier one is the writability probe.
        TimeSpan? first = null, last = null;
        var seen = false;
        while (!run.Process.HasExited)
        {
            var now = Directory.EnumerateFiles(folder, $".{file}.*.tmp").Any();
            if (now)
            {
                first = seen ? first : clock.Elapsed;
                last = clock.Elapsed;
            }

            seen = now;
            Thread.Sleep(1);
        }

        Assert.True(run.WaitForExit(TimeSpan.FromSeconds(60)) == 0, run.Text);
        var total = clock.Elapsed;

        // A write faster than the polling still has a window; assume a few milliseconds just before the exit.
        return (total, first ?? total - TimeSpan.FromMilliseconds(50), (last ?? total) + TimeSpan.FromMilliseconds(1));
    }

    /// <summary>Whether a new temporary file next to the target has bytes in it (the save, not the empty probe).</summary>
    private static bool SaveHasBegun(string folder, HashSet<string> known)
    {
        foreach (var name in NewTempFiles(folder, known))
        {
            try
            {
                if (new FileInfo(Path.Combine(folder, name)).Length > 0)
                {
                    return true;
                }
            }
            catch (FileNotFoundException)
            {
                // Renamed or deleted between the listing and the look: not a write in progress.
            }
        }

        return false;
    }

    private static string[] NewTempFiles(string folder, HashSet<string> known)
        => [.. Directory.GetFiles(folder).Select(Path.GetFileName).OfType<string>().Where(n => n != "target.json" && !known.Contains(n))
            .Select(n => TempName().IsMatch(n) ? n : throw new Xunit.Sdk.XunitException($"unexpected file {n} next to the target"))];

    /// <summary>The temporary name ModelFile.Write uses: <c>.{target}.{guid:N}.tmp</c> in the target's folder.</summary>
    [GeneratedRegex(@"^\.target\.json\.[0-9a-f]{32}\.tmp$")]
    private static partial Regex TempName();

    /// <summary>Many features, few rows, a 0/1 label: a big first layer with little training work.</summary>
    private static string WideCsv(int rows, int features)
    {
        var random = new Random(Seed);
        var text = new StringBuilder(string.Join(',', Enumerable.Range(0, features).Select(f => $"f{f}"))).Append(",label\n");
        for (var r = 0; r < rows; r++)
        {
            for (var f = 0; f < features; f++)
            {
                text.Append(CultureInfo.InvariantCulture, $"{random.NextDouble():F3},");
            }

            text.Append(r % 2).Append('\n');
        }

        return text.ToString();
    }
}
