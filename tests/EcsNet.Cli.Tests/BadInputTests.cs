namespace EcsNet.Cli.Tests;

/// <summary>Every bad input ends in one line on stderr naming the problem, and exit code 2: never a stack trace.</summary>
public sealed class BadInputTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    internal static void AssertUsageError(CliRun run, params string[] fragments)
    {
        Assert.True(run.ExitCode == 2, run.ToString());
        var line = Assert.Single(run.ErrLines);
        foreach (var fragment in fragments)
        {
            Assert.Contains(fragment, line);
        }

        Assert.DoesNotContain("   at ", run.Err);
    }

    private static string Mazur => Path.Combine(AppContext.BaseDirectory, "mazur-2-2-2.json");

    [Fact]
    public void MissingModelFile() => AssertUsageError(CliRunner.Run("predict", "--model", _missing, "--dataset", "xor"), "nope.json", "not found");

    private readonly string _missing = Path.Combine(Path.GetTempPath(), "nope.json");

    [Fact]
    public void MissingDataFile() => AssertUsageError(CliRunner.Run("train", "--data", _temp.File("nope.csv")), "nope.csv", "no such file");

    [Fact]
    public void TruncatedIdx()
    {
        var folder = IdxFolder(images: Idx.Images(5, 28, 28)[..20]);
        AssertUsageError(CliRunner.Run("train", "--data", folder), "train-images-idx3-ubyte", "short data");
    }

    [Fact]
    public void BadIdxMagic()
    {
        var images = Idx.Images(5, 28, 28);
        images[0] = 0x12;
        AssertUsageError(CliRunner.Run("train", "--data", IdxFolder(images: images)), "train-images-idx3-ubyte", "magic");
    }

    [Fact]
    public void CsvWithANonNumericFeature()
        => AssertUsageError(CliRunner.Run("train", "--data", _temp.Write("x.csv", "a,b,label\n1,x,0\n2,3,1\n")), "x.csv", "line 2", "'b'", "not a number");

    [Fact]
    public void CsvWithRaggedRows()
        => AssertUsageError(CliRunner.Run("train", "--data", _temp.Write("r.csv", "a,b,label\n1,2,0\n2,3\n")), "r.csv", "line 3", "fields");

    [Fact]
    public void CsvWithoutTheLabelColumn()
        => AssertUsageError(CliRunner.Run("train", "--data", _temp.Write("l.csv", "a,b,c\n1,2,0\n2,3,1\n"), "--label", "species"), "l.csv", "'species'", "not found");

    [Fact]
    public void NaNInData()
        => AssertUsageError(CliRunner.Run("train", "--data", _temp.Write("n.csv", "a,b,label\n1,NaN,0\n2,3,1\n")), "n.csv", "line 2", "NaN");

    [Fact]
    public void InfinityInData()
        => AssertUsageError(CliRunner.Run("train", "--data", _temp.Write("i.csv", "a,b,label\n1,2,0\n2,Infinity,1\n")), "i.csv", "line 3");

    [Fact]
    public void ModelAndDataShapesDiffer()
        => AssertUsageError(CliRunner.Run("predict", "--model", Mazur, "--dataset", "iris"), "shape mismatch", "2 inputs", "4 inputs");

    [Fact]
    public void TrainingAModelOnDataOfAnotherShape()
        => AssertUsageError(CliRunner.Run("train", "--model", Mazur, "--dataset", "xor"), "shape mismatch");

    [Fact]
    public void LayersThatDoNotFitTheData()
        => AssertUsageError(CliRunner.Run("train", "--dataset", "xor", "--layers", "3,3,1"), "--layers 3,3,1", "2 inputs");

    [Fact]
    public void MalformedModelFile()
        => AssertUsageError(CliRunner.Run("predict", "--model", _temp.Write("m.json", """{"format":"ecsnet-model/1","layers":[{"size":2},{"size":1,"activation":"sigmoid","weights":[[1]]}]}"""), "--dataset", "xor"),
            "m.json", "layers[1].weights[0]");

    [Fact]
    public void UnknownActivation()
        => AssertUsageError(CliRunner.Run("train", "--dataset", "xor", "--activation", "swish"), "unknown activation 'swish'", "sigmoid");

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    public void NonPositiveLearningRate(string lr)
        => AssertUsageError(CliRunner.Run("train", "--dataset", "xor", "--lr", lr), "learning rate", "> 0");

    [Fact]
    public void UnknownOptionAndMalformedNumber()
    {
        AssertUsageError(CliRunner.Run("train", "--bogus"), "--bogus");
        AssertUsageError(CliRunner.Run("train", "--epochs", "many"), "'many'", "--epochs", "whole number");
    }

    [Fact]
    public void UnknownDatasetCostOptimiserAndMissingSaveFolder()
    {
        AssertUsageError(CliRunner.Run("train", "--dataset", "cifar"), "'cifar'", "mnist");
        AssertUsageError(CliRunner.Run("train", "--dataset", "xor", "--cost", "hinge"), "'hinge'");
        AssertUsageError(CliRunner.Run("train", "--dataset", "xor", "--optimizer", "lbfgs"), "'lbfgs'");
        AssertUsageError(CliRunner.Run("train", "--dataset", "xor", "--save", Path.Combine(_temp.Path, "no", "m.json")), "--save", "does not exist");
    }

    [Fact]
    public void TraceWithTheWrongNumberOfValues()
        => AssertUsageError(CliRunner.Run("trace", "--model", Mazur, "--input", "0.05", "--target", "0.01,0.99"), "shape mismatch");

    private string IdxFolder(byte[] images)
    {
        var folder = Path.Combine(_temp.Path, "idx-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var labels = Idx.Labels(5);
        File.WriteAllBytes(Path.Combine(folder, "train-images-idx3-ubyte"), images);
        File.WriteAllBytes(Path.Combine(folder, "train-labels-idx1-ubyte"), labels);
        File.WriteAllBytes(Path.Combine(folder, "t10k-images-idx3-ubyte"), Idx.Images(5, 28, 28));
        File.WriteAllBytes(Path.Combine(folder, "t10k-labels-idx1-ubyte"), labels);
        return folder;
    }
}

/// <summary>Valid IDX files of unsigned bytes.</summary>
internal static class Idx
{
    public static byte[] Images(int count, int rows, int columns)
    {
        var bytes = new List<byte> { 0, 0, 8, 3 };
        foreach (var d in new[] { count, rows, columns })
        {
            bytes.AddRange(BigEndian(d));
        }

        bytes.AddRange(Enumerable.Range(0, count * rows * columns).Select(i => (byte)(i * 7)));
        return bytes.ToArray();
    }

    public static byte[] Labels(int count)
    {
        var bytes = new List<byte> { 0, 0, 8, 1 };
        bytes.AddRange(BigEndian(count));
        bytes.AddRange(Enumerable.Range(0, count).Select(i => (byte)(i % 10)));
        return bytes.ToArray();
    }

    private static byte[] BigEndian(int value) => [(byte)(value >> 24), (byte)(value >> 16), (byte)(value >> 8), (byte)value];
}
