using System.Diagnostics;
using System.Text;

namespace EcsNet.Cli.Tests.Reliability;

/// <summary>Starts the real <c>ecsnet</c> program (the EcsNet.Cli.dll copied next to the tests) in its own process.</summary>
/// <remarks>
/// Only a separate process can be killed without taking the test host with it. The program runs through
/// <c>dotnet exec</c>, which hosts the app in the same process, so the process id is the program's own.
/// </remarks>
internal static class CliProcess
{
    /// <summary>The program's assembly in the test output folder.</summary>
    public static string Dll => Path.Combine(AppContext.BaseDirectory, "EcsNet.Cli.dll");

    /// <summary>Starts <c>ecsnet</c> with <paramref name="args"/>; stdout and stderr are collected in the background.</summary>
    /// <remarks>Draining matters: a child blocked on a full pipe would never reach the code the test is timing.</remarks>
    public static Started Start(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(Dll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start)!;
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new Started(process, output);
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }

    /// <summary>A running program and everything it has written so far (stdout and stderr interleaved).</summary>
    internal sealed record Started(Process Process, StringBuilder Output) : IDisposable
    {
        /// <summary>What the program has written so far.</summary>
        public string Text
        {
            get
            {
                lock (Output)
                {
                    return Output.ToString();
                }
            }
        }

        /// <summary>SIGKILL on Unix: the program gets no chance to run any cleanup.</summary>
        /// <returns>False when the program had already exited, so nothing was killed.</returns>
        public bool Kill()
        {
            try
            {
                if (Process.HasExited)
                {
                    return false;
                }

                Process.Kill(entireProcessTree: true);
                return true;
            }
            catch (InvalidOperationException)
            {
                return false; // Exited between the check and the kill.
            }
            finally
            {
                Process.WaitForExit();
            }
        }

        /// <summary>Waits for a normal exit (killing the program if it overruns) and returns the exit code.</summary>
        public int WaitForExit(TimeSpan timeout)
        {
            if (!Process.WaitForExit(timeout))
            {
                Kill();
                throw new TimeoutException($"ecsnet did not finish within {timeout.TotalSeconds} s\n{Text}");
            }

            Process.WaitForExit(); // Also waits for the output to be drained.
            return Process.ExitCode;
        }

        /// <inheritdoc />
        public void Dispose()
        {
            if (!Process.HasExited)
            {
                Kill();
            }

            Process.Dispose();
        }
    }
}
