using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using EcsNet.Cli.Options;
using EcsNet.Cli.Output;
using EcsNet.Training;
using Spectre.Console;

namespace EcsNet.Cli.Commands;

/// <summary>
/// <c>ecsnet bench</c>: a quick in-process timing of forward passes and training steps, in ns per synapse per sample
/// and samples/s. The rigorous numbers come from the BenchmarkDotNet project.
/// </summary>
internal static class BenchCommand
{
    public static Command Create(CliContext context)
    {
        var command = HelpText.Command("bench", """
            A quick timing of forward passes and training steps (ns per synapse, samples/s).

            Time the ECS per-synapse layout on random data: forward passes and full training steps (forward, backward,
            update) on mini-batches, reported as ns per synapse per sample and samples/s. A quick look only — for
            rigorous numbers and the comparison with the dense and object-graph layouts run benchmarks/EcsNet.Benchmarks.

            Examples:
              ecsnet bench
              ecsnet bench --layers 784,30,10 --batch 10 --threads 2
            """);
        var layers = Opt.Layers("784,100,10");
        var batch = new Option<int>("--batch") { Description = "Mini-batch size m", DefaultValueFactory = _ => 32 };
        var seconds = new Option<double>("--seconds") { Description = "Time spent on each measurement", DefaultValueFactory = _ => 1.0 };
        var threads = Opt.Threads();
        var seed = Opt.Seed();
        var json = Opt.Json();
        foreach (var option in new Option[] { layers, batch, seconds, threads, seed, json })
        {
            command.Add(option);
        }

        command.SetAction(p => Run(context, p.GetValue(layers) ?? "784,100,10", p.GetValue(batch), p.GetValue(seconds), p.GetValue(threads) ?? 1,
            p.GetValue(seed), p.GetValue(json)));
        return command;
    }

    private static int Run(CliContext context, string layersText, int m, double seconds, int threads, long seed, bool json)
    {
        if (m < 1 || threads < 1 || !(seconds > 0 && seconds <= 600))
        {
            throw new UsageException("--batch and --threads must be at least 1, and --seconds in (0, 600]");
        }

        using var network = NetworkFactory.Build(layersText, null, "sigmoid", "xavier", seed, null);
        network.Threads = threads;
        var random = new SeededRandom(seed);
        var inputs = Enumerable.Range(0, m * network.InputSize).Select(_ => (float)random.NextDouble()).ToArray();
        var targets = Enumerable.Range(0, m * network.OutputSize).Select(_ => (float)random.NextDouble()).ToArray();
        var synapses = network.SynapseCount;
        var results = new List<(string Layout, string Pass, double NsPerSynapseSample, double SamplesPerSecond)>();
        void Measure(string pass, Action step)
        {
            var perStep = Time(step, seconds);
            results.Add(("ecs", pass, perStep * 1e9 / ((double)synapses * m), m / perStep));
        }

        Measure("forward", () =>
        {
            network.LoadBatch(inputs, targets, m);
            network.Forward();
        });
        Measure("train step", () =>
        {
            network.LoadBatch(inputs, targets, m);
            network.TrainStep(Optimizer.Sgd, 0.01f);
        });

        const string Missing = "dense and object-graph references: not in the library yet (EcsNet.Baselines)";
        if (json)
        {
            var lines = new JsonLines(context.Out);
            foreach (var r in results)
            {
                lines.Write(new { layout = r.Layout, pass = r.Pass, network = NetworkFactory.Describe(network), batch = m, threads, synapses, ns_per_synapse_sample = r.NsPerSynapseSample, samples_per_second = r.SamplesPerSecond });
            }

            return ExitCodes.Success;
        }

        var c = CultureInfo.InvariantCulture;
        var console = context.Console();
        console.WriteLine($"{NetworkFactory.Describe(network)}: {synapses.ToString("N0", c)} synapses, mini-batch {m}, {threads} thread(s), {seconds.ToString(c)} s per measurement");
        var table = new Table().AddColumns("layout", "pass", "ns / synapse / sample", "samples/s");
        table.Columns[2].RightAligned();
        table.Columns[3].RightAligned();
        foreach (var r in results)
        {
            table.AddRow(r.Layout, r.Pass, r.NsPerSynapseSample.ToString("F3", c), r.SamplesPerSecond.ToString("N0", c));
        }

        console.Write(table);
        console.WriteLine(Missing);
        return ExitCodes.Success;
    }

    /// <summary>Warms up, then runs <paramref name="step"/> repeatedly for about <paramref name="seconds"/>; returns the seconds per step.</summary>
    private static double Time(Action step, double seconds)
    {
        // Warm up for a while, not a few calls: tiered JIT recompiles hot loops only after ~30 calls and a delay.
        var warmup = Stopwatch.StartNew();
        while (warmup.Elapsed.TotalSeconds < Math.Min(0.5, seconds / 2))
        {
            step();
        }

        var clock = Stopwatch.StartNew();
        long steps = 0;
        while (clock.Elapsed.TotalSeconds < seconds)
        {
            step();
            steps++;
        }

        return clock.Elapsed.TotalSeconds / steps;
    }

}
