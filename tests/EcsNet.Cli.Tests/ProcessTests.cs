using System.Diagnostics;
using System.Runtime.InteropServices;

namespace EcsNet.Cli.Tests;

/// <summary>The real program in its own process: SIGINT during training.</summary>
public sealed class ProcessTests
{
    [Fact]
    public async Task SigintDuringTrainingSavesACompleteModelAndExitsWith130()
    {
        if (!RuntimeInformation.IsOSPlatform(OSPlatform.Linux) && !RuntimeInformation.IsOSPlatform(OSPlatform.OSX))
        {
            return; // SIGINT is a Unix signal; Windows delivers Ctrl-C differently.
        }

        using var temp = new TempFolder();
        var model = temp.File("interrupted.json");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "exec", Path.Combine(AppContext.BaseDirectory, "EcsNet.Cli.dll"), "train", "--dataset", "mnist", "--epochs", "1000", "--save", model })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        try
        {
            // Interrupt once training is under way (after its first epoch line).
            string? line;
            do
            {
                line = await process.StandardOutput.ReadLineAsync();
            }
            while (line is not null && !line.StartsWith("epoch", StringComparison.Ordinal));

            Assert.NotNull(line);
            using (var kill = Process.Start("kill", ["-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                kill.WaitForExit();
            }

            var rest = await process.StandardOutput.ReadToEndAsync();
            Assert.True(process.WaitForExit(30_000), "the program must stop after the current mini-batch");
            var errors = await stderr;
            Assert.True(process.ExitCode == 130, $"exit {process.ExitCode}\n{rest}\n{errors}");
            Assert.Contains("interrupted", errors);
            Assert.Matches(@"stopped\s+│\s+interrupted", rest);
            var spec = EcsNet.Persistence.ModelFile.Read(model);
            Assert.Equal([784, 30, 10], spec.Layers.Select(l => l.Size));
            Assert.Equal(["interrupted.json"], Directory.GetFiles(temp.Path).Select(Path.GetFileName));
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill();
            }
        }
    }
}
