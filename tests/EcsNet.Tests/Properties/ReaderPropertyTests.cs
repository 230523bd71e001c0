using System.Globalization;
using System.Text;
using CsCheck;
using EcsNet.Data;
using EcsNet.Persistence;
using EcsNet.Tests.Data;

namespace EcsNet.Tests.Properties;

/// <summary>
/// Thousands of generated inputs for the three readers: each is read back exactly, or rejected with the documented
/// one-line error (file, line or field, problem) — never a wrong value and never another exception.
/// </summary>
public sealed class ReaderPropertyTests
{
    private const int Iterations = 2000;

    private static readonly Gen<float> Finite = Gen.Float[-1e6f, 1e6f];

    /// <summary>A table of floats, a small-integer label per row, a separator, and spaces around some fields.</summary>
    private static readonly Gen<(float[][] Rows, int[] Labels, char Separator, bool Padded)> Tables =
        from columns in Gen.Int[1, 5]
        from rows in Gen.Int[1, 8]
        from values in Finite.Array[columns].Array[rows]
        from labels in Gen.Int[0, 3].Array[rows]
        from separator in Gen.OneOf(',', ';', '\t')
        from padded in Gen.Bool
        select (values, labels, separator, padded);

    private static string Text((float[][] Rows, int[] Labels, char Separator, bool Padded) t)
    {
        var pad = t.Padded ? " " : "";
        var text = new StringBuilder(string.Join(t.Separator, Enumerable.Range(0, t.Rows[0].Length).Select(c => $"f{c}").Append("label"))).Append('\n');
        for (var r = 0; r < t.Rows.Length; r++)
        {
            text.Append(string.Join(t.Separator, t.Rows[r].Select(v => pad + v.ToString("R", CultureInfo.InvariantCulture) + pad).Append(t.Labels[r].ToString(CultureInfo.InvariantCulture))));
            text.Append('\n');
        }

        return text.ToString();
    }

    [Fact]
    public void CsvTablesWithAnySeparatorAreReadExactly()
    {
        Tables.Sample(t =>
        {
            var text = Text(t);
            var separator = CsvDataReader.DetectDelimiter(text[..text.IndexOf('\n')]);
            Assert.Equal(t.Rows[0].Length > 0 ? t.Separator : ',', separator);
            var data = CsvDataReader.Read(new StringReader(text), "gen.csv", delimiter: separator);

            Assert.Equal(t.Rows.Length, data.Count);
            Assert.Equal(t.Rows.SelectMany(r => r), data.Inputs);
            // Numeric labels are numbered in numeric order of the distinct values present.
            var classes = t.Labels.Distinct().Order().ToArray();
            Assert.Equal(t.Labels.Select(l => Array.IndexOf(classes, l)), data.Labels!);
        }, iter: Iterations);
    }

    [Fact]
    public void CsvTablesWithOneBadCellAreRejectedNamingItsLineAndColumn()
    {
        var bad = Gen.OneOf("abc", "NaN", "1e39", "-Infinity", "", "1,5.5");
        (from t in Tables
         from row in Gen.Int[0, 7]
         from column in Gen.Int[0, 4]
         from value in bad
         select (t, row % t.Rows.Length, column % t.Rows[0].Length, value)).Sample(c =>
        {
            var (t, row, column, value) = c;
            var lines = Text(t).Split('\n');
            var cells = lines[row + 1].Split(t.Separator);
            if (value.Contains(t.Separator, StringComparison.Ordinal))
            {
                return; // would add a column instead of a bad value
            }

            cells[column] = value;
            lines[row + 1] = string.Join(t.Separator, cells);

            var e = Assert.Throws<DataFormatException>(() => CsvDataReader.Read(new StringReader(string.Join('\n', lines)), "gen.csv", delimiter: t.Separator));

            Assert.StartsWith($"gen.csv: line {row + 2}, column 'f{column}': ", e.Message);
            Assert.DoesNotContain('\n', e.Message);
        }, iter: Iterations);
    }

    [Fact]
    public void IdxArraysOfAnyShapeAreReadExactlyRawOrGzipped()
    {
        (from dims in Gen.Int[1, 4].Array[1, 3]
         from gzip in Gen.Bool
         from seed in Gen.Int
         select (dims, gzip, seed)).Sample(c =>
        {
            var count = c.dims.Aggregate(1, (a, b) => a * b);
            var random = new Random(c.seed);
            var data = new byte[count];
            random.NextBytes(data);
            var raw = TestFiles.Idx(c.dims, data);
            using var stream = new MemoryStream(c.gzip ? TestFiles.Gzip(raw) : raw);

            var array = IdxReader.Read(stream, "gen.idx");

            Assert.Equal(c.dims, array.Dimensions);
            Assert.Equal(data, array.Data);
        }, iter: Iterations);
    }

    [Fact]
    public void IdxFilesCutShortOrLengthenedAreRejectedWithADataFormatError()
    {
        (from dims in Gen.Int[1, 4].Array[1, 3]
         from cut in Gen.Int[-6, 6]
         select (dims, cut)).Sample(c =>
        {
            if (c.cut == 0)
            {
                return;
            }

            var count = c.dims.Aggregate(1, (a, b) => a * b);
            var raw = TestFiles.Idx(c.dims, new byte[count]);
            var changed = c.cut < 0 ? raw[..Math.Max(0, raw.Length + c.cut)] : [.. raw, .. new byte[c.cut]];

            var e = Assert.Throws<DataFormatException>(() => IdxReader.Read(new MemoryStream(changed), "gen.idx"));

            Assert.StartsWith("gen.idx", e.Message);
        }, iter: Iterations);
    }

    [Fact]
    public void ModelFilesRoundTripEveryFloatAndByte()
    {
        (from sizes in Gen.Int[1, 5].Array[2, 4]
         from seed in Gen.Int
         from bits in Gen.UInt
         select (sizes, seed, bits)).Sample(c =>
        {
            var spec = new ModelSpec();
            var random = new Random(c.seed);
            // Any finite float, subnormals and negative zero included: drawn from raw bits.
            float Any()
            {
                float v;
                do
                {
                    v = BitConverter.Int32BitsToSingle(random.Next() ^ (random.Next(2) << 31));
                }
                while (!float.IsFinite(v));
                return v;
            }

            for (var l = 0; l < c.sizes.Length; l++)
            {
                var layer = new LayerSpec { Size = c.sizes[l] };
                if (l > 0)
                {
                    layer.Activation = "sigmoid";
                    layer.Bias = [.. Enumerable.Range(0, c.sizes[l]).Select(_ => Any())];
                    layer.Weights = [.. Enumerable.Range(0, c.sizes[l]).Select(_ => Enumerable.Range(0, c.sizes[l - 1]).Select(_ => Any()).ToArray())];
                }

                spec.Layers.Add(layer);
            }

            spec.Metadata["note"] = c.bits.ToString(CultureInfo.InvariantCulture);

            var json = ModelFile.ToJson(spec);
            var back = ModelFile.Parse(json, "gen.json");

            Assert.Equal(json, ModelFile.ToJson(back));
            for (var l = 1; l < c.sizes.Length; l++)
            {
                Assert.Equal(spec.Layers[l].Bias!.Select(BitConverter.SingleToInt32Bits), back.Layers[l].Bias!.Select(BitConverter.SingleToInt32Bits));
                Assert.Equal(spec.Layers[l].Weights!.SelectMany(r => r).Select(BitConverter.SingleToInt32Bits),
                    back.Layers[l].Weights!.SelectMany(r => r).Select(BitConverter.SingleToInt32Bits));
            }
        }, iter: Iterations);
    }
}
