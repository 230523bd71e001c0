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

    [Theory]
    [InlineData("a,b,c\r\n1,2,x\r3,4,y\n5,bad,z\n", 4)] // CRLF, a lone CR and LF each end one line
    [InlineData("\n\na,b,c\n\n1,2,x\n   \n5,bad,z\n", 7)] // blank and blank-looking lines still count
    [InlineData("\"a\nheader\",b,c\n1,2,x\n5,bad,z\n", 4)] // a line break inside the quoted header
    [InlineData("a,b,c\n1,2,\"x\r\ny\"\n5,bad,z\n", 4)] // and inside a quoted label
    public void LineNumbersCountEveryLineEnd(string text, int line)
    {
        var e = Assert.Throws<DataFormatException>(() => Read(text));
        Assert.Equal($"test.csv: line {line}, column 'b': 'bad' is not a number", e.Message);
    }

    [Fact]
    public void QuotingErrorsNameTheLineWhereTheyHappen()
    {
        Assert.Equal("test.csv: line 3: unexpected character 'z' after a closing quote; expected a comma or the end of the line",
            Assert.Throws<DataFormatException>(() => Read("a,b,c\n1,2,\"x\ny\"z\n")).Message);
        Assert.Equal("test.csv: line 3: quoted field is never closed",
            Assert.Throws<DataFormatException>(() => Read("a,b,c\n1,2,x\n3,4,\"y\n5,6,z\n")).Message);
    }

    [Fact]
    public void AQuoteInsideAnUnquotedFieldIsRejectedNotMergedIntoTheNextFields()
    {
        // RFC 4180 allows a quote only in a quoted field; read as the start of quoting it would swallow "3,4" below.
        var e = Assert.Throws<DataFormatException>(() => Read("a,b,c\n1,2,5\"x\n3,4,y\"\n"));

        Assert.StartsWith("test.csv: line 2: a quote inside an unquoted field ('5\"x", e.Message);
        Assert.EndsWith("quote the whole field and double the quotes in it", e.Message);
    }

    [Fact]
    public void BlanksAroundFieldsAreTrimmedButNotInsideQuotes()
    {
        // Blanks around a quoted field go; inside it only the label's own trimming applies (its ends, not its middle).
        var d = Read(" a ,\tb\t, c \n 1 ,\t2 ,  \" x ,  y \"  \n3,4,x\n");

        Assert.Equal([1f, 2f, 3f, 4f], d.Inputs);
        Assert.Equal(["x", "x ,  y"], d.ClassNames!);
    }

    [Fact]
    public void TabSeparatedFieldsKeepTheirSpacesTrimmedAndSplitOnTabs()
    {
        var d = CsvDataReader.Read(new StringReader("a\tb\tc\n 1\t 2 \t\"p\tq\"\n"), "test.tsv", delimiter: '\t');

        Assert.Equal([1f, 2f], d.Inputs);
        Assert.Equal(["p\tq"], d.ClassNames!);
    }

    [Fact]
    public void LabelAndTargetsTogetherIsAnArgumentError() =>
        Assert.Throws<ArgumentException>(() => Read("a,b\n1,2\n", label: "a", targets: ["b"]));
}
