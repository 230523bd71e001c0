using EcsNet.Data;

namespace EcsNet.Tests.Data;

public class CsvDataReaderTests
{
    private static DataSet Read(string text, string? label = null, string[]? targets = null) =>
        CsvDataReader.Read(new StringReader(text), "test.csv", label, targets);

    [Fact]
    public void DefaultLastColumnIsTheClassLabelSortedOrdinally()
    {
        var d = Read("x,y,kind\n1,2,b\n3,4,a\n5,6,b\n\n\n");
        Assert.Equal(3, d.Count);
        Assert.Equal(2, d.InputSize);
        Assert.Equal(["a", "b"], d.ClassNames!);
        Assert.Equal([1, 0, 1], d.Labels!);
        Assert.Equal([0f, 1f, 1f, 0f, 0f, 1f], d.Targets);
        Assert.Equal([1f, 2f, 3f, 4f, 5f, 6f], d.Inputs);
    }

    [Fact]
    public void NamedLabelColumnAnywhere()
    {
        var d = Read("kind,x,y\r\nc,1.5,-2e-3\r\nb,0,1\r\n", label: "kind");
        Assert.Equal([1.5f, -0.002f, 0f, 1f], d.Inputs);
        Assert.Equal(["b", "c"], d.ClassNames!);
        Assert.Equal([1, 0], d.Labels!);
    }

    [Fact]
    public void NumericLabelsSortNumerically()
    {
        var d = Read("x,digit\n1,10\n2,2\n3,1\n");
        Assert.Equal(["1", "2", "10"], d.ClassNames!);
        Assert.Equal([2, 1, 0], d.Labels!);
    }

    [Fact]
    public void TargetColumns()
    {
        var d = Read("a,t1,b,t2\n1,0.5,2,-1\n3,0.25,4,7\n", targets: ["t1", "t2"]);
        Assert.Null(d.Labels!);
        Assert.Equal(2, d.InputSize);
        Assert.Equal(2, d.OutputSize);
        Assert.Equal([1f, 2f, 3f, 4f], d.Inputs);
        Assert.Equal([0.5f, -1f, 0.25f, 7f], d.Targets);
    }

    [Fact]
    public void QuotedFieldsPerRfc4180()
    {
        var d = Read("\"x, the first\",\"y\",name\n\" 1 \",2,\"say \"\"hi\"\"\"\n3,4,\"two\nlines\"\n5,6,plain\n");
        Assert.Equal([1f, 2f, 3f, 4f, 5f, 6f], d.Inputs);
        Assert.Equal(["plain", "say \"hi\"", "two\nlines"], d.ClassNames!);
        // The record after the two-line field starts on line 5.
        var e = Assert.Throws<DataFormatException>(() => Read("x,y,name\n1,2,\"a\nb\"\n3,oops,c\n"));
        Assert.Contains("line 4, column 'y'", e.Message);
    }

    [Fact]
    public void FileOverloadNamesTheFile()
    {
        using var folder = new TempFolder();
        string path = folder.File("data.csv");
        File.WriteAllText(path, "\uFEFFa,b,c\n1,2,x\n3,zz,y\n");
        var e = Assert.Throws<DataFormatException>(() => CsvDataReader.Read(path));
        Assert.Equal($"{path}: line 3, column 'b': 'zz' is not a number", e.Message);
        File.WriteAllText(path, "a,b,c\n1,2,x\n");
        var d = CsvDataReader.Read(path);
        Assert.Equal("data", d.Name);
        Assert.Equal(1, d.Count);
    }

    [Fact]
    public void LabelAndTargetsTogetherIsAnArgumentError() =>
        Assert.Throws<ArgumentException>(() => Read("a,b\n1,2\n", label: "a", targets: ["b"]));
}
