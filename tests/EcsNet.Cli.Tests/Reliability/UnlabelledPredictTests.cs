using System.Text;
using System.Text.Json;
using EcsNet.Data;

namespace EcsNet.Cli.Tests.Reliability;

/// <summary>
/// <c>ecsnet predict --data file.csv</c> on a CSV without a label column: every column is a feature when there are
/// exactly as many as the model has inputs, and the program prints outputs per sample and no accuracy.
/// </summary>
[Collection(ReliabilityCollection.Name)]
public sealed class UnlabelledPredictTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void PredictOnFeaturesOnlyCsvGivesTheSameOutputsAsOnTheLabelledFileAndNoAccuracy()
    {
        // Min-max normalisation is stored in the model, so this also shows predict applies it to unlabelled rows.
        var labelled = _temp.Write("points.csv", Csv.Separable(40));
        var unlabelled = _temp.Write("features.csv", DropLastColumn(Csv.Separable(40)));
        var model = _temp.File("points.json");
        var train = CliRunner.Run("train", "--data", labelled, "--label", "class", "--normalize", "minmax", "--epochs", "30", "--save", model, "--quiet");
        Assert.True(train.ExitCode == 0, train.ToString());

        var withLabels = CliRunner.Run("predict", "--model", model, "--data", labelled, "--label", "class", "--json");
        var withoutLabels = CliRunner.Run("predict", "--model", model, "--data", unlabelled, "--json");

        Assert.True(withLabels.ExitCode == 0, withLabels.ToString());
        Assert.True(withoutLabels.ExitCode == 0, withoutLabels.ToString());
        var expected = withLabels.OutLines.Select(l => JsonDocument.Parse(l).RootElement).ToArray();
        var actual = withoutLabels.OutLines.Select(l => JsonDocument.Parse(l).RootElement).ToArray();
        Assert.Equal(41, actual.Length);
        for (var i = 0; i < 40; i++)
        {
            Assert.Equal(i, actual[i].GetProperty("index").GetInt32());
            Assert.Equal(expected[i].GetProperty("predicted_name").GetString(), actual[i].GetProperty("predicted_name").GetString());
            Assert.Equal(expected[i].GetProperty("outputs").GetRawText(), actual[i].GetProperty("outputs").GetRawText());
            Assert.Equal(JsonValueKind.Null, actual[i].GetProperty("actual").ValueKind);
        }

        var summary = actual[^1];
        Assert.Equal(40, summary.GetProperty("samples").GetInt32());
        Assert.False(summary.GetProperty("labelled").GetBoolean());
        Assert.False(summary.TryGetProperty("accuracy", out _), "there are no labels to measure an accuracy against");
    }

    [Fact]
    public void TextOutputListsEverySampleAndSaysThereIsNoAccuracy()
    {
        var model = _temp.File("and.json");
        Assert.Equal(0, CliRunner.Run("train", "--dataset", "and", "--save", model, "--quiet").ExitCode);
        var csv = _temp.Write("gates.csv", "x1,x2\n0,0\n0,1\n1,0\n1,1\n");

        var run = CliRunner.Run("predict", "--model", model, "--data", csv);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(5, run.OutLines.Length);
        // AND was learned, so the predicted classes are the truth table: 0, 0, 0, 1.
        Assert.Equal(["0", "0", "0", "1"], run.OutLines[..4].Select(l => l.Split(':')[1].Trim().Split(' ')[0]));
        Assert.DoesNotMatch(@"accuracy \d", run.Out);
        Assert.Contains("4 samples predicted on 'gates' (no label column: no accuracy)", run.OutLines[^1]);
    }

    [Fact]
    public void AFeaturesOnlyCsvWithABadValueIsAUsageErrorNamingLineAndColumn()
    {
        var model = _temp.File("and.json");
        Assert.Equal(0, CliRunner.Run("train", "--dataset", "and", "--save", model, "--quiet").ExitCode);
        var csv = _temp.Write("bad.csv", "x1,x2\n0,0\n0,oops\n");

        var run = CliRunner.Run("predict", "--model", model, "--data", csv);

        Assert.True(run.ExitCode == 2, run.ToString());
        var line = Assert.Single(run.ErrLines);
        Assert.Contains("bad.csv", line);
        Assert.Contains("line 3", line);
        Assert.Contains("'x2'", line);
    }

    [Fact]
    public void TryReadFeaturesReadsEveryColumnOrDeclinesAnotherWidth()
    {
        Assert.True(CsvDataReader.TryReadFeatures(new StringReader("a,b,c\n1,2,3\n4.5,-6,7e1\n"), "t.csv", 3, out var features));
        Assert.Equal([1f, 2f, 3f, 4.5f, -6f, 70f], features);

        // Another width means the file has label or target columns: not an error, the caller reads it with Read.
        Assert.False(CsvDataReader.TryReadFeatures(new StringReader("a,b,label\n1,2,x\n"), "t.csv", 2, out var none));
        Assert.Null(none);

        var empty = Assert.Throws<DataFormatException>(() => CsvDataReader.TryReadFeatures(new StringReader("a,b\n"), "t.csv", 2, out _));
        Assert.Contains("no data rows", empty.Message);
        var ragged = Assert.Throws<DataFormatException>(() => CsvDataReader.TryReadFeatures(new StringReader("a,b\n1,2\n3\n"), "t.csv", 2, out _));
        Assert.Contains("line 3", ragged.Message);
        var nan = Assert.Throws<DataFormatException>(() => CsvDataReader.TryReadFeatures(new StringReader("a,b\n1,NaN\n"), "t.csv", 2, out _));
        Assert.Contains("NaN", nan.Message);
    }

    private static string DropLastColumn(string csv)
    {
        var text = new StringBuilder();
        foreach (var line in csv.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            text.Append(line[..line.LastIndexOf(',')]).Append('\n');
        }

        return text.ToString();
    }
}
