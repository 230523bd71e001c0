using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.Intrinsics;
using EcsNet.Baselines;
using EcsNet.Cli.Options;
using EcsNet.Cli.Output;
using EcsNet.Training;
using Spectre.Console;

namespace EcsNet.Cli.Commands;

/// <summary>
/// <c>ecsnet bench</c>: a quick in-process timing of the three layouts of one network — the ECS per-synapse library,
/// the dense reference and the object-graph reference (<see cref="EcsNet.Baselines"/>) — built from the same initial
/// weights, in ns per synapse per sample and samples/s. The rigorous numbers come from the BenchmarkDotNet project.
/// </summary>
internal static class BenchCommand
{
    private const float Eta = 0.01f; // Small, as in the benchmarks: the weights stay finite however many steps run.

    public static Command Create(CliContext context)
    {
        var command = HelpText.Command("bench", """
            Time the ECS layout against the dense and object-graph references (ns per synapse, samples/s).

            Builds one sigmoid network three ways from the same initial weights — the ECS per-synapse layout (entities,
            components, systems), the dense reference (float[] matrices, AVX-512 kernels) and the object-graph reference
            (one heap object per neuron and synapse) — warms each up, then times training steps (forward, backward,
            update) on a mini-batch for --seconds each, plus ECS forward passes. Reported as ns per synapse per sample,
            samples/s and time relative to the dense reference. A quick look only: the rigorous numbers come from
            BenchmarkDotNet (benchmarks/README.md).

            Examples:
              ecsnet bench
              ecsnet bench --layers 784,30,10 --batch 10 --threads 2
              ecsnet bench --layers 2,3,1 --batch 1 --json
            """);
        var layers = Opt.Layers("784,100,10");
        var batch = new Option<int>("--batch") { Description = "Mini-batch size m", DefaultValueFactory = _ => 32 };
        var seconds = new Option<double>("--seconds") { Description = "Time spent on each measurement, after a warm-up", DefaultValueFactory = _ => 0.3 };
        var threads = Opt.Threads();
        var seed = Opt.Seed();
        var json = Opt.Json();
        var quiet = Opt.Quiet();
        foreach (var option in new Option[] { layers, batch, seconds, threads, seed, json, quiet })
        {
            command.Add(option);
        }

        command.SetAction(p => Run(context, p.GetValue(layers) ?? "784,100,10", p.GetValue(batch), p.GetValue(seconds), p.GetValue(threads) ?? 1,
            p.GetValue(seed), p.GetValue(json), p.GetValue(quiet)));
        return command;
    }

    private static int Run(CliContext context, string layersText, int m, double seconds, int threads, long seed, bool json, bool quiet)
    {
        if (m < 1 || threads < 1 || !(seconds > 0 && seconds <= 600))
        {
            throw new UsageException("--batch and --threads must be at least 1, and --seconds in (0, 600]");
        }

        // One setup for all three layouts: same shape, same N(0,1) weights (drawn as the benchmarks draw them), same data.
        // The setup takes an int seed; folding the long keeps every --seed valid.
        var setupSeed = unchecked((int)(seed ^ (seed >> 32)));
        var setup = NetworkSetup.Create(Parse.Layers(layersText), setupSeed);
        var data = TrainingData.Synthetic(m, setup.Sizes[0], setup.Sizes[^1], setupSeed);
        var inputs = data.Inputs;
        var targets = data.Targets;
        var synapses = setup.SynapseCount;

        var results = new List<BenchResult>();
        string description;
        using (var network = setup.BuildNetwork(threads))
        {
            description = NetworkFactory.Describe(network);
            results.Add(Measure("ecs", "forward", threads, () =>
            {
                network.LoadBatch(inputs, targets, m);
                network.Forward();
            }));
            results.Add(Measure("ecs", "train step", threads, () =>
            {
                network.LoadBatch(inputs, targets, m);
                network.TrainStep(Optimizer.Sgd, Eta);
            }));
        }

        using (var dense = new DenseNetwork(setup, maxBatch: m, threads))
        {
            results.Add(Measure("dense", "train step", threads, () => dense.TrainStep(inputs, targets, m, Eta)));
        }

        // The object graph is single-threaded by nature: its passes chase references one neuron at a time.
        var graph = new ObjectGraphNetwork(setup);
        results.Add(Measure("object-graph", "train step", 1, () => graph.TrainStep(inputs, targets, m, Eta)));

        var denseStep = results.Single(r => r.Layout == "dense").SecondsPerStep;
        if (json)
        {
            // One line per pass, as before this command compared layouts: the top-level numbers are the ECS layout's,
            // and "layouts" lists every layout timed on that pass.
            var lines = new JsonLines(context.Out);
            foreach (var pass in results.GroupBy(r => r.Pass))
            {
                var ecs = pass.Single(r => r.Layout == "ecs");
                lines.Write("bench", new
                {
                    layout = ecs.Layout,
                    pass = pass.Key,
                    network = description,
                    batch = m,
                    threads,
                    synapses,
                    ns_per_synapse_sample = ecs.NsPerSynapseSample(synapses, m),
                    samples_per_second = ecs.SamplesPerSecond(m),
                    layouts = pass.Select(r => new
                    {
                        layout = r.Layout,
                        threads = r.Threads,
                        ns_per_synapse_sample = r.NsPerSynapseSample(synapses, m),
                        samples_per_second = r.SamplesPerSecond(m),
                        time_vs_dense = pass.Key == "train step" ? r.SecondsPerStep / denseStep : (double?)null,
                    }),
                });
            }

            return ExitCodes.Success;
        }

        var c = CultureInfo.InvariantCulture;
        var console = context.Console();
        if (!quiet)
        {
            console.WriteLine($"{description}: {synapses.ToString("N0", c)} synapses, mini-batch {m}, {Fmt.Count(threads, "thread")}");
            console.WriteLine($"same initial weights and data for every layout, {seconds.ToString(c)} s each after a warm-up");
        }

        var table = new Table().AddColumns("layout", "pass", "threads", "ns / synapse / sample", "samples/s", "time vs dense");
        for (var i = 2; i < table.Columns.Count; i++)
        {
            table.Columns[i].RightAligned();
        }

        foreach (var r in results)
        {
            var ratio = r.Pass == "train step" ? (r.SecondsPerStep / denseStep).ToString("F2", c) + "×" : "";
            table.AddRow(r.Layout, r.Pass, r.Threads.ToString(c), r.NsPerSynapseSample(synapses, m).ToString("F3", c), r.SamplesPerSecond(m).ToString("N0", c), ratio);
        }

        console.Write(table);
        if (quiet)
        {
            return ExitCodes.Success;
        }

        if (!Vector512.IsHardwareAccelerated)
        {
            console.WriteLine("note: this CPU has no AVX-512, so the dense reference's Vector512 kernels run emulated (slowly)");
        }

        console.WriteLine("A quick look: the rigorous numbers come from BenchmarkDotNet (benchmarks/README.md).");
        return ExitCodes.Success;

        BenchResult Measure(string layout, string pass, int layoutThreads, Action step) => new(layout, pass, layoutThreads, Time(step, seconds));
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

    /// <summary>One timed layout and pass: the seconds one step of m samples took.</summary>
    private sealed record BenchResult(string Layout, string Pass, int Threads, double SecondsPerStep)
    {
        public double NsPerSynapseSample(long synapses, int m) => SecondsPerStep * 1e9 / ((double)synapses * m);

        public double SamplesPerSecond(int m) => m / SecondsPerStep;
    }
}
