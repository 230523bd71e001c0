using System.CommandLine;
using System.Globalization;
using EcsNet.Cli.Options;
using EcsNet.Cli.Output;
using EcsNet.Cli.Rendering;
using EcsNet.Costs;
using EcsNet.Data;
using EcsNet.Training;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace EcsNet.Cli.Commands;

/// <summary>
/// <c>ecsnet playground</c>: TensorFlow Playground in the terminal. A 2-D data set, a small network, and a view of its
/// decision boundary with the points on it, redrawn every few epochs.
/// </summary>
internal static class PlaygroundCommand
{
    public static Command Create(CliContext context)
    {
        var command = HelpText.Command("playground", """
            TensorFlow Playground in the terminal: a 2-D data set and a live decision boundary.

            TensorFlow Playground in the terminal: train a small network on a 2-D data set and watch the decision
            boundary (blue: positive, orange: negative) form under the data points, redrawn every --every epochs with
            the epoch and the training and test cost. As in the Playground, a tanh output unit is trained on ±1 targets.
            Without colour (redirected output, NO_COLOR set or TERM=dumb) the map is drawn with '░' for the positive
            region and +/o for points (X/O where the network is wrong). The map is square: in colour each character
            cell holds two pixels, one above the other. In a live terminal: space pauses and resumes, s runs one epoch,
            q quits (Ctrl-C too). --features chooses the network's inputs among x1, x2, x1^2, x2^2, x1x2, sinx1 and
            sinx2; --dataset plane is the Playground's regression set (colour = the value, from −1 orange to +1 blue).
            With --svg the picture also shows every hidden neuron's output over the plane.

            Examples:
              ecsnet playground
              ecsnet playground --dataset spiral --noise 0.1 --layers 2,8,8,8,1 --activation tanh --lr 0.03 --epochs 2000
              ecsnet playground --dataset xor2d --frames 5 --svg xor.svg
              ecsnet playground --dataset circle --features x1^2,x2^2 --layers 2,1 --lr 0.1
            """);
        var dataset = Opt.Accepting(new Option<string>("--dataset") { Description = "A 2-D data set (default: circle; plane is a regression set)", DefaultValueFactory = _ => "circle" }, [.. Opt.PlaygroundNames, "plane"]);
        var noise = new Option<double>("--noise") { Description = "Noise, 0 to 0.5 (the Playground's 0–50)", DefaultValueFactory = _ => 0.1 };
        var testFraction = Opt.TestFraction("0.5");
        var count = new Option<int>("--count") { Description = "Number of points", DefaultValueFactory = _ => 400 };
        var layers = new Option<string?>("--layers") { Description = "Layer sizes, the number of --features first and 1 output (default: FEATURES,4,4,1)" };
        var features = new Option<string>("--features") { Description = "Input features: x1, x2, x1^2, x2^2, x1x2, sinx1, sinx2", DefaultValueFactory = _ => "x1,x2" };
        var activation = new Option<string>("--activation") { Description = "Activation of every layer, or a comma list per layer", DefaultValueFactory = _ => "tanh" };
        var lr = Opt.LearningRate("0.03");
        var optimizer = new Option<string>("--optimizer") { Description = "sgd | momentum:0.9 | nesterov:0.9 | adagrad | adadelta | rmsprop | adam | adamax | nadam", DefaultValueFactory = _ => "sgd" };
        var batch = new Option<int>("--batch") { Description = "Mini-batch size", DefaultValueFactory = _ => 10 };
        var l1 = new Option<float>("--l1") { Description = "L1 penalty λ₁" };
        var l2 = new Option<float>("--l2") { Description = "L2 penalty λ₂" };
        var epochs = Opt.Epochs("500");
        var every = new Option<int>("--every") { Description = "Epochs between redraws", DefaultValueFactory = _ => 25 };
        var frames = new Option<int?>("--frames") { Description = "Stop after this many redraws, even before --epochs (for scripts and tests)" };
        var width = new Option<int>("--width") { Description = "Map width in characters", DefaultValueFactory = _ => 48 };
        var seed = Opt.Seed();
        var svg = new Option<string?>("--svg") { Description = "Write the final picture as an SVG file" };
        var json = Opt.Json();
        var quiet = Opt.Quiet();
        var noBias = Opt.NoBias();
        foreach (var option in new Option[] { dataset, noise, testFraction, count, layers, features, activation, lr, optimizer, batch, l1, l2, epochs, every, frames, width, seed, svg, noBias, json, quiet })
        {
            command.Add(option);
        }

        command.SetAction(p => Run(context, new Settings(
            p.GetValue(dataset)!, p.GetValue(noise), 1 - (p.GetValue(testFraction) ?? 0.5), p.GetValue(count), p.GetValue(layers), p.GetValue(features)!, p.GetValue(activation)!,
            p.GetValue(lr) ?? 0.03f, p.GetValue(optimizer)!, p.GetValue(batch), p.GetValue(l1), p.GetValue(l2), p.GetValue(epochs) ?? 500, p.GetValue(every),
            p.GetValue(frames), p.GetValue(width), p.GetValue(seed), p.GetValue(svg), p.GetValue(noBias),
            OutputModes.Of(context, p.GetValue(json), p.GetValue(quiet)))));
        return command;
    }

    private sealed record Settings(string Dataset, double Noise, double Ratio, int Count, string? Layers, string Features, string Activation, float Lr,
        string Optimizer, int Batch, float L1, float L2, int Epochs, int Every, int? Frames, int Width, long Seed, string? Svg, bool NoBias, OutputMode Mode);

    private static int Run(CliContext context, Settings s)
    {
        if (!(s.Ratio > 0 && s.Ratio < 1))
        {
            throw new UsageException($"--test-fraction must be between 0 and 1 (got {(1 - s.Ratio).ToString(CultureInfo.InvariantCulture)})");
        }

        if (s.Every < 1 || s.Epochs < 1 || s.Frames is < 1 || s.Width is < 8 or > 400 || s.Count < 4)
        {
            throw new UsageException("--every, --epochs and --frames must be at least 1, --count at least 4, and --width between 8 and 400");
        }

        TrainRunner.CheckWritable(s.Svg, "--svg");
        var kind = s.Dataset;

        var features = PlaygroundFeatures.Parse(s.Features);
        var regression = kind == "plane";
        var points = regression ? Playground.Plane(s.Count, s.Noise, unchecked((int)s.Seed)) : Playground.Generate(kind, s.Count, s.Noise, unchecked((int)s.Seed));
        var (train, test) = points.Split(1 - s.Ratio, unchecked((int)s.Seed));
        var layers = s.Layers ?? $"{features.Count},4,4,1";
        if (Parse.Layers(layers)[0] != features.Count)
        {
            throw new UsageException($"--layers {layers}: the first size must be the {features.Count} input features ({string.Join(", ", features.Names)})");
        }

        using var network = NetworkFactory.Build(layers, s.Activation, s.Activation, "xavier", s.Seed, features.Apply(train), bias: !s.NoBias);
        network.Cost = CostFunction.Quadratic;
        var output = network.OutputLayer.Function;
        var trainSet = features.Apply(Targets.ForOutput(train, output));
        var testSet = features.Apply(Targets.ForOutput(test, output));
        var options = new TrainingOptions
        {
            Epochs = s.Every,
            BatchSize = s.Batch,
            LearningRate = s.Lr,
            Optimizer = Optimizer.Parse(s.Optimizer),
            L1 = s.L1,
            L2 = s.L2,
            Seed = s.Seed,
        };
        options.Validate();

        var frames = Math.Min(s.Frames ?? int.MaxValue, Math.Max(1, (s.Epochs + s.Every - 1) / s.Every));
        var title = $"{kind}, noise {s.Noise.ToString(CultureInfo.InvariantCulture)}, {train.Count} training / {test.Count} test points, {NetworkFactory.Describe(network)}" +
            $"{(features == PlaygroundFeatures.Plain ? "" : $" on {string.Join(", ", features.Names)}")}, η = {s.Lr.ToString(CultureInfo.InvariantCulture)}";
        var colour = s.Mode == OutputMode.Live && TerminalMap.ColourAllowed();
        // Terminal cells are about twice as tall as wide: a colour cell holds two pixel rows, a plain one a single row.
        var rows = TerminalMap.PixelRows(colour, s.Width);
        var controls = s.Mode == OutputMode.Live ? PlaygroundControls.FromConsole() : PlaygroundControls.None;
        var view = new View(context, s.Mode, colour, title, train, test);
        var epoch = 0;
        var drawn = 0;
        TrainingResult? last = null;
        var single = options with { Epochs = 1 };
        view.Run(update =>
        {
            Frame Draw(string note)
            {
                var tr = Evaluator.Evaluate(network, trainSet);
                var te = Evaluator.Evaluate(network, testSet);
                var status = regression
                    ? string.Create(CultureInfo.InvariantCulture, $"epoch {epoch}  training cost {tr.Cost:F4}  test cost {te.Cost:F4}")
                    : string.Create(CultureInfo.InvariantCulture,
                        $"epoch {epoch}  training cost {tr.Cost:F4}  test cost {te.Cost:F4}  training accuracy {tr.Accuracy * 100:F1}%  test accuracy {te.Accuracy * 100:F1}%");
                return new Frame(drawn, epoch, tr, te, DecisionMap.Compute(network, s.Width, rows, features), status + note);
            }

            var keys = s.Mode == OutputMode.Live ? "   " + PlaygroundControls.Help : "";
            while (drawn < frames && epoch < s.Epochs)
            {
                if (!controls.NextEpoch(context.Cancellation, () => update(Draw("   paused" + keys))))
                {
                    break;
                }

                last = new Trainer(single with { Seed = s.Seed + epoch }).Train(network, trainSet, null, context.Cancellation);
                if (last.StopReason is StopReason.Diverged or StopReason.Cancelled)
                {
                    break;
                }

                epoch++;
                if (epoch % s.Every == 0 || epoch == s.Epochs)
                {
                    drawn++;
                    update(Draw(keys));
                }
                else if (controls.Paused)
                {
                    update(Draw("   paused" + keys));
                }
            }
        });

        if (s.Svg is not null)
        {
            var finalTrain = Evaluator.Evaluate(network, trainSet);
            var finalTest = Evaluator.Evaluate(network, testSet);
            var maps = DecisionMap.ComputeAll(network, PlaygroundSvg.Resolution, PlaygroundSvg.Resolution, features);
            PlaygroundSvg.Write(s.Svg, maps[^1], maps.Take(maps.Count - 1).ToArray(), train, test,
            [
                $"{kind}, noise {s.Noise.ToString(CultureInfo.InvariantCulture)}: {train.Count} training and {test.Count} test points",
                $"network {NetworkFactory.Describe(network)} on {string.Join(", ", features.Names)}, {options.Optimizer} η = {s.Lr.ToString(CultureInfo.InvariantCulture)}, mini-batch {s.Batch}",
                last?.Last is null ? "not trained" : string.Create(CultureInfo.InvariantCulture,
                    $"epoch {epoch}: training cost {finalTrain.Cost:F4}, test cost {finalTest.Cost:F4}"),
                string.Create(CultureInfo.InvariantCulture, $"accuracy: training {finalTrain.Accuracy * 100:F1}%, test {finalTest.Accuracy * 100:F1}%"),
                "blue: positive, orange: negative; white rings: training points, black: test",
            ]);
        }

        if (context.Cancellation.IsCancellationRequested || last?.StopReason == StopReason.Cancelled)
        {
            context.Err.WriteLine($"ecsnet: interrupted after epoch {epoch}; the last picture shows the network then");
            return ExitCodes.Interrupted;
        }

        if (controls.Quit)
        {
            context.Out.WriteLine($"stopped (q) after epoch {epoch}");
            return ExitCodes.Success;
        }

        return last is null ? ExitCodes.Success : TrainRunner.Finish(context, last, null);
    }

    private sealed record Frame(int Number, int Epoch, Evaluation Train, Evaluation Test, DecisionMap Map, string Status);

    /// <summary>Shows frames: redrawn in place on a terminal, printed one after another otherwise, or as JSON lines.</summary>
    private sealed class View(CliContext context, OutputMode mode, bool colour, string title, DataSet train, DataSet test)
    {
        public void Run(Action<Action<Frame>> body)
        {
            switch (mode)
            {
                case OutputMode.Live:
                    var console = context.Console();
                    console.WriteLine(title);
                    console.Live(new Text("")).AutoClear(false).Start(live =>
                        body(f =>
                        {
                            IRenderable map = colour ? new Markup(TerminalMap.Markup(f.Map, train, test)) : new Text(TerminalMap.Plain(f.Map, train));
                            live.UpdateTarget(new Rows(map, new Text(f.Status)));
                            live.Refresh();
                        }));
                    break;
                case OutputMode.Plain:
                    context.Out.WriteLine(title);
                    body(f =>
                    {
                        context.Out.WriteLine($"frame {f.Number}");
                        context.Out.WriteLine(TerminalMap.Plain(f.Map, train));
                        context.Out.WriteLine(f.Status);
                        context.Out.Flush();
                    });
                    break;
                case OutputMode.Json:
                    var json = new JsonLines(context.Out);
                    body(f => json.Write(new
                    {
                        type = "frame",
                        frame = f.Number,
                        epoch = f.Epoch,
                        train_cost = f.Train.Cost,
                        test_cost = f.Test.Cost,
                        train_accuracy = f.Train.Accuracy,
                        test_accuracy = f.Test.Accuracy,
                    }));
                    break;
                default:
                    Frame? final = null;
                    body(f => final = f);
                    if (final is not null)
                    {
                        context.Out.WriteLine(final.Status);
                    }

                    break;
            }
        }
    }
}
