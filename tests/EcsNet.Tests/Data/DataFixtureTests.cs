using EcsNet.Data;

namespace EcsNet.Tests.Data;

/// <summary>The committed corpus of broken data files (Fixtures/idx, Fixtures/csv): each fails with its own message.</summary>
public class DataFixtureTests
{
    [Theory]
    [InlineData("bad-magic.idx", "bad magic number 0x12340801")]
    [InlineData("float-type.idx", "element type 0x0d (float32) is not supported; only unsigned byte (0x08) is")]
    [InlineData("short-header.idx", "too short for an IDX header: 2 bytes")]
    [InlineData("truncated-dims.idx", "header declares 3 dimensions but the file ends after 1 of their sizes")]
    [InlineData("short-data.idx", "short data: header declares 2 × 2 × 2 = 8 bytes but only 5 follow the header")]
    [InlineData("trailing-data.idx", "trailing data: header declares 3 bytes but 4 follow the header")]
    [InlineData("huge-size.idx", "more than the 1 GiB limit")]
    [InlineData("negative-dim.idx", "dimension 0 declares size 2147483648, more than 2147483647")]
    [InlineData("zero-dims.idx", "header declares 0 dimensions")]
    [InlineData("huge-declared.idx.gz", "short data: header declares 60000 × 28 × 28 = 47040000 bytes but the data ends after 100 (after gzip decompression)")]
    [InlineData("corrupt.gz", "corrupt gzip data")]
    public void BrokenIdxFiles(string file, string expected)
    {
        string path = TestFiles.Fixture("idx", file);
        var e = Assert.Throws<DataFormatException>(() => IdxReader.Read(path));
        Assert.StartsWith(path + ": ", e.Message);
        Assert.Contains(expected, e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Theory]
    [InlineData("images-2d.idx", "valid-labels.idx", "images-2d.idx: images need 3 dimensions (count, rows, columns) but the file has 2")]
    [InlineData("valid-images.idx", "labels-2d.idx", "labels-2d.idx: labels need 1 dimension (count) but the file has 2")]
    [InlineData("valid-images.idx", "label-out-of-range.idx", "label-out-of-range.idx: record 1: label 10 is not a digit 0–9")]
    [InlineData("valid-images.idx", "labels-count-mismatch.idx", "labels-count-mismatch.idx: has 4 labels but")]
    public void InconsistentMnistPairs(string images, string labels, string expected)
    {
        var e = Assert.Throws<DataFormatException>(() => Mnist.Load(TestFiles.Fixture("idx", images), TestFiles.Fixture("idx", labels)));
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void ValidPairLoads()
    {
        var d = Mnist.Load(TestFiles.Fixture("idx", "valid-images.idx"), TestFiles.Fixture("idx", "valid-labels.idx"));
        Assert.Equal(3, d.Count);
        Assert.Equal([7, 0, 9], d.Labels!);
        Assert.Equal([0f, 20 / 255f, 40 / 255f, 60 / 255f], d.Input(0).ToArray());
    }

    [Theory]
    [InlineData("empty.csv", null, "file is empty")]
    [InlineData("header-only.csv", null, "has a header row but no data rows")]
    [InlineData("ragged.csv", null, "line 3: 2 fields but the header has 3 columns")]
    [InlineData("non-numeric.csv", null, "line 2, column 'b': 'abc' is not a number")]
    [InlineData("nan.csv", null, "line 3, column 'a': value 'NaN' is NaN or infinite")]
    [InlineData("infinity.csv", null, "line 2, column 'b': value '-Infinity' is NaN or infinite")]
    [InlineData("overflow.csv", null, "line 2, column 'b': value '1e39' is outside the float range")]
    [InlineData("missing-value.csv", null, "line 2, column 'b': missing value")]
    [InlineData("unclosed-quote.csv", null, "line 2: quoted field is never closed")]
    [InlineData("text-after-quote.csv", null, "line 2: unexpected character 'y' after a closing quote")]
    [InlineData("duplicate-header.csv", null, "line 1: header names column 'a' twice (columns 1 and 2)")]
    [InlineData("unnamed-column.csv", null, "line 1: header column 2 has no name")]
    [InlineData("empty-label.csv", null, "line 3, column 'label': empty class label")]
    [InlineData("no-species.csv", "species", "label column 'species' not found; the header has: a, b, c")]
    [InlineData("only-label.csv", null, "no feature columns")]
    public void BrokenCsvFiles(string file, string? label, string expected)
    {
        string path = TestFiles.Fixture("csv", file);
        var e = Assert.Throws<DataFormatException>(() => CsvDataReader.Read(path, label));
        Assert.StartsWith(path + ": ", e.Message);
        Assert.Contains(expected, e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }
}
