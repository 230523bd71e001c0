using System.Globalization;
using System.Text.Json;
using System.Xml.Linq;

namespace EcsNet.Cli.Tests;

public sealed class TrainTests
{
    [Fact]
    public void XorIsLearnedWithTheDefaults()
    {
        var run = CliRunner.Run("train", "--dataset", "xor", "--verbosity", "epochs");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("training 2-3-1 sigmoid on xor", run.Out);
        Assert.Contains("100.00% (4/4)", run.Out);
    }

    [Fact]
    public void JsonModeWritesOneObjectPerEpochThenASummaryAndNothingElse()
    {
        var run = CliRunner.Run("train", "--dataset", "iris", "--epochs", "5", "--json");

        Assert.True(run.ExitCode == 0, run.ToString());
        var lines = run.OutLines.Select(l => JsonDocument.Parse(l).RootElement).ToArray();
        Assert.Equal(7, lines.Length);
        Assert.All(lines, l => Assert.Equal("type", l.EnumerateObject().First().Name));
        Assert.Equal(["start", "epoch", "epoch", "epoch", "epoch", "epoch", "summary"], lines.Select(l => l.GetProperty("type").GetString()));
        for (var e = 0; e < 5; e++)
        {
            var m = lines[e + 1];
            Assert.Equal(e + 1, m.GetProperty("epoch").GetInt32());
            foreach (var field in new[] { "cost", "train_accuracy", "test_cost", "test_accuracy", "learning_rate", "seconds", "samples_per_second" })
            {
                Assert.Equal(JsonValueKind.Number, m.GetProperty(field).ValueKind);
            }
        }

        var summary = lines[^1];
        Assert.Equal("completed", summary.GetProperty("stop_reason").GetString());
        Assert.InRange(summary.GetProperty("test_accuracy").GetDouble(), 0, 1);
    }

    [Fact]
    public void IrisReachesHighTestAccuracy()
    {
        var run = CliRunner.Run("train", "--dataset", "iris", "--seed", "3", "--json");

        Assert.True(run.ExitCode == 0, run.ToString());
        var summary = JsonDocument.Parse(run.OutLines[^1]).RootElement;
        Assert.True(summary.GetProperty("test_accuracy").GetDouble() >= 0.9, run.Out);
    }

    [Fact]
    public void PlotWritesAValidSvgAndMetricsACsv()
    {
        using var temp = new TempFolder();
        var plot = temp.File("curves.svg");
        var metrics = temp.File("metrics.csv");

        var run = CliRunner.Run("train", "--dataset", "iris", "--epochs", "10", "--quiet", "--plot", plot, "--metrics", metrics);

        Assert.True(run.ExitCode == 0, run.ToString());
        var svg = XDocument.Load(plot).Root!;
        XNamespace ns = "http://www.w3.org/2000/svg";
        Assert.Equal(ns + "svg", svg.Name);
        Assert.True(svg.Descendants(ns + "polyline").Count() >= 4, "training and test curves of cost and accuracy");
        var rows = File.ReadAllLines(metrics);
        Assert.StartsWith("epoch,cost,train_accuracy,test_cost,test_accuracy", rows[0]);
        Assert.Equal(11, rows.Length);
        Assert.Equal("10", rows[^1].Split(',')[0]);
    }

    [Fact]
    public void SaveThenPredictReproducesTheTestAccuracyAndLeavesNoTemporaryFile()
    {
        using var temp = new TempFolder();
        var model = temp.File("iris.json");

        var train = CliRunner.Run("train", "--dataset", "iris", "--epochs", "40", "--seed", "3", "--save", model, "--json");
        Assert.True(train.ExitCode == 0, train.ToString());
        var trained = JsonDocument.Parse(train.OutLines[^1]).RootElement.GetProperty("test_accuracy").GetDouble();

        var predict = CliRunner.Run("predict", "--model", model, "--dataset", "iris", "--seed", "3", "--json");
        Assert.True(predict.ExitCode == 0, predict.ToString());
        var summary = JsonDocument.Parse(predict.OutLines[^1]).RootElement;
        Assert.Equal(trained, summary.GetProperty("accuracy").GetDouble());
        Assert.Equal(50, summary.GetProperty("samples").GetInt32());
        Assert.Equal(50, predict.OutLines.Length - 1);
        Assert.Equal(["iris.json"], Directory.GetFiles(temp.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void PredictOnACsvFileReproducesTheFinalTrainingAccuracy()
    {
        using var temp = new TempFolder();
        var csv = temp.Write("points.csv", Csv.Separable(60));
        var model = temp.File("points.json");

        var train = CliRunner.Run("train", "--data", csv, "--label", "class", "--epochs", "30", "--save", model, "--json");
        Assert.True(train.ExitCode == 0, train.ToString());
        var accuracy = JsonDocument.Parse(train.OutLines[^1]).RootElement.GetProperty("train_accuracy").GetDouble();

        var predict = CliRunner.Run("predict", "--model", model, "--data", csv, "--label", "class");
        Assert.True(predict.ExitCode == 0, predict.ToString());
        Assert.Equal(61, predict.OutLines.Length);
        Assert.Contains($"accuracy {(accuracy * 100).ToString("F2", CultureInfo.InvariantCulture)}%", predict.OutLines[^1]);
    }

    [Fact]
    public void TrainingContinuesFromAModelFile()
    {
        using var temp = new TempFolder();
        var model = temp.File("xor.json");
        Assert.Equal(0, CliRunner.Run("train", "--dataset", "xor", "--epochs", "10", "--save", model, "--quiet").ExitCode);

        var run = CliRunner.Run("train", "--dataset", "xor", "--model", model, "--epochs", "10", "--verbosity", "epochs");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("training 2-3-1 sigmoid on xor", run.Out);
    }

    [Fact]
    public void DivergenceExitsWithOneAndSavesTheLastGoodModel()
    {
        using var temp = new TempFolder();
        var model = temp.File("diverged.json");

        var run = CliRunner.Run("train", "--dataset", "iris", "--activation", "relu,linear", "--lr", "1e6", "--epochs", "5", "--save", model);

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Single(run.ErrLines);
        Assert.Contains("diverged", run.Err);
        Assert.Contains("saved to", run.Err);
        var spec = EcsNet.Persistence.ModelFile.Read(model);
        Assert.All(spec.Layers.Skip(1), l => Assert.All(l.Weights!.SelectMany(r => r), w => Assert.True(float.IsFinite(w))));
        Assert.Equal(["diverged.json"], Directory.GetFiles(temp.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void CtrlCStopsTrainingSavesAndExitsWith130()
    {
        using var temp = new TempFolder();
        var model = temp.File("stopped.json");
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        var run = CliRunner.Run(cancelled.Token, "train", "--dataset", "xor", "--save", model, "--quiet");

        Assert.True(run.ExitCode == 130, run.ToString());
        Assert.Contains("interrupted", run.Err);
        Assert.NotNull(EcsNet.Persistence.ModelFile.Read(model));
    }

    [Fact]
    public void OptimiserDecayRegularisationAndValidationOptionsAreAccepted()
    {
        var run = CliRunner.Run("train", "--dataset", "iris", "--layers", "4,10,3", "--activation", "relu,softmax", "--cost", "cross-entropy",
            "--init", "he", "--optimizer", "adam", "--lr", "0.01", "--lr-decay", "exp:0.01", "--l2", "0.0001", "--validation", "0.2",
            "--early-stop", "5", "--batch", "0", "--epochs", "20", "--threads", "2", "--verbosity", "epochs");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("4-10-3 relu,softmax", run.Out);
    }

    [Fact]
    public void TrainsAndPredictsOnAnIdxFolder()
    {
        using var temp = new TempFolder();
        var folder = Path.Combine(temp.Path, "digits");
        Directory.CreateDirectory(folder);
        File.WriteAllBytes(Path.Combine(folder, "train-images-idx3-ubyte"), Idx.Images(30, 28, 28));
        File.WriteAllBytes(Path.Combine(folder, "train-labels-idx1-ubyte"), Idx.Labels(30));
        File.WriteAllBytes(Path.Combine(folder, "t10k-images-idx3-ubyte"), Idx.Images(10, 28, 28));
        File.WriteAllBytes(Path.Combine(folder, "t10k-labels-idx1-ubyte"), Idx.Labels(10));
        var model = temp.File("digits.json");

        var run = CliRunner.Run("train", "--data", folder, "--epochs", "2", "--save", model, "--json");
        Assert.True(run.ExitCode == 0, run.ToString());
        var summary = JsonDocument.Parse(run.OutLines[^1]).RootElement;

        var predict = CliRunner.Run("predict", "--model", model, "--data", folder, "--json");
        Assert.True(predict.ExitCode == 0, predict.ToString());
        Assert.Equal(summary.GetProperty("test_accuracy").GetDouble(), JsonDocument.Parse(predict.OutLines[^1]).RootElement.GetProperty("accuracy").GetDouble());
        Assert.Equal(11, predict.OutLines.Length);
    }

    [Fact]
    public void NormalisationAndTestFractionApplyToCsvData()
    {
        using var temp = new TempFolder();
        var csv = temp.Write("points.csv", Csv.Separable(90));

        var run = CliRunner.Run("train", "--data", csv, "--normalize", "minmax", "--test-fraction", "0.2", "--epochs", "3", "--verbosity", "epochs");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("(72 training / 18 test samples)", run.Out);
    }
}
