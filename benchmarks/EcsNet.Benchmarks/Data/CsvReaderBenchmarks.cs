using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using EcsNet.Data;
using nietras.SeparatedValues;

namespace EcsNet.Benchmarks.Data;

/// <summary>
/// Reading an MNIST-shaped CSV (10,000 rows of 784 pixel columns and a label): the reader before Sep (its own
/// character-at-a-time tokenizer, a string per field; the baseline), <see cref="CsvDataReader"/> as it is now (Sep
/// splits, its own checks and messages on top), and Sep alone doing the same parsing without those checks. Every
/// variant parses each feature as a double, checks it is finite, and one-hot encodes the labels.
/// </summary>
[MemoryDiagnoser]
public class CsvReaderBenchmarks
{
    private const int Rows = 10_000, Pixels = 784;

    private string _path = "";

    [GlobalSetup]
    public void Setup()
    {
        _path = Path.Combine(Path.GetTempPath(), $"ecsnet-csv-bench-{Environment.ProcessId}.csv");
        var random = new Random(1);
        var text = new StringBuilder();
        text.AppendJoin(',', Enumerable.Range(0, Pixels).Select(i => "p" + i)).Append(",label\n");
        for (var r = 0; r < Rows; r++)
        {
            for (var c = 0; c < Pixels; c++)
            {
                // About four in five MNIST pixels are 0; the rest are spread over 1..255.
                text.Append(random.Next(5) == 0 ? random.Next(1, 256) : 0).Append(',');
            }

            text.Append(random.Next(10)).Append('\n');
        }

        File.WriteAllText(_path, text.ToString());
        if (EcsNetReader() != SepReader() || EcsNetReader() != BeforeSep())
        {
            throw new InvalidOperationException("the readers disagree on the data set");
        }
    }

    [GlobalCleanup]
    public void Cleanup() => File.Delete(_path);

    [Benchmark(Baseline = true, Description = "own tokenizer (before)")]
    public int BeforeSep()
    {
        using var text = new StreamReader(_path);
        var tokenizer = new LegacyCsvTokenizer(text);
        var fields = new List<string>();
        tokenizer.TryReadRecord(fields);
        var columns = fields.Count;
        var inputs = new List<float>();
        var labels = new List<string>();
        while (tokenizer.TryReadRecord(fields))
        {
            for (var c = 0; c < columns - 1; c++)
            {
                inputs.Add(Number(fields[c].Trim()));
            }

            labels.Add(fields[columns - 1].Trim());
        }

        return Checksum(OneHot(inputs, labels, columns - 1));
    }

    [Benchmark(Description = "CsvDataReader (on Sep)")]
    public int EcsNetReader() => Checksum(CsvDataReader.Read(_path));

    [Benchmark(Description = "Sep 0.17.1 alone")]
    public int SepReader()
    {
        using var reader = Sep.Reader(o => o with { Unescape = true, Trim = SepTrim.All }).FromFile(_path);
        var columns = reader.Header.ColNames.Count;
        var inputs = new List<float>(Rows * (columns - 1));
        var labels = new List<string>(Rows);
        foreach (var row in reader)
        {
            for (var c = 0; c < columns - 1; c++)
            {
                inputs.Add(Number(row[c].Span));
            }

            labels.Add(row[columns - 1].ToString());
        }

        return Checksum(OneHot(inputs, labels, columns - 1));
    }

    private static DataSet OneHot(List<float> inputs, List<string> labels, int features)
    {
        var classes = labels.Distinct().OrderBy(l => double.Parse(l, CultureInfo.InvariantCulture)).ToArray();
        var index = classes.Select((name, i) => (name, i)).ToDictionary(p => p.name, p => p.i);
        var oneHot = new float[labels.Count * classes.Length];
        var classOf = new int[labels.Count];
        for (var i = 0; i < labels.Count; i++)
        {
            classOf[i] = index[labels[i]];
            oneHot[i * classes.Length + classOf[i]] = 1f;
        }

        return new DataSet("csv", [.. inputs], oneHot, features, classes.Length, classOf, classes);
    }

    private static float Number(ReadOnlySpan<char> text)
    {
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            throw new FormatException($"'{text}' is not a finite number");
        }

        return (float)value;
    }

    /// <summary>A figure both readers must agree on, so neither can skip work.</summary>
    private static int Checksum(DataSet data)
    {
        var sum = 0.0;
        foreach (var v in data.Inputs)
        {
            sum += v;
        }

        return HashCode.Combine(data.Count, data.InputSize, data.OutputSize, sum, data.Labels![^1]);
    }
}
