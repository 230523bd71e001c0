using System.Text;
using EcsNet.Data;
using Xunit.Abstractions;

namespace EcsNet.Tests.Data;

/// <summary>
/// Thousands of seeded random mutations of valid IDX and CSV files: each case either loads into a structurally
/// valid data set or throws <see cref="DataFormatException"/>; anything else fails the test and prints the seed.
/// </summary>
public class DataMutationTests(ITestOutputHelper output)
{
    private const int Cases = 3000;

    // Five 3×3 "images" and their labels, small enough that mutations often hit the header.
    private static readonly byte[] Images = TestFiles.Idx([5, 3, 3], [.. Enumerable.Range(0, 45).Select(i => (byte)(i * 5))]);
    private static readonly byte[] Labels = TestFiles.Idx([5], [0, 9, 3, 3, 7]);

    private const string Csv = "length,width,\"species name\"\n5.1,3.5,setosa\n\"4.9\",3.0,setosa\n6.3,2.5,versicolor\n7.7,3.8,\"virginica\"\n-1e-3,4e1,versicolor\n";

    [Fact]
    public void MutatedIdxPairs()
    {
        var failures = new List<string>();
        int loaded = 0;
        var mode = new[] { "raw", "gzip-of-mutated", "mutated-gzip", "pipe" };
        for (int seed = 0; seed < Cases; seed++)
        {
            var random = new Random(seed);
            bool mutateImages = random.Next(2) == 0;
            string how = mode[seed % mode.Length];
            byte[] images = Prepare(Images, mutateImages, how, random);
            byte[] labels = Prepare(Labels, !mutateImages, how, random);
            long before = GC.GetAllocatedBytesForCurrentThread();
            try
            {
                var i = IdxReader.Read(Open(images, how), "images");
                var l = IdxReader.Read(Open(labels, how), "labels");
                var d = Mnist.FromIdx(i, l, "mutant", "images", "labels");
                CheckMnist(d);
                loaded++;
            }
            catch (DataFormatException e)
            {
                Assert.False(string.IsNullOrWhiteSpace(e.Problem));
            }
            catch (Exception e)
            {
                failures.Add($"seed {seed} ({how}): {e.GetType().Name}: {e.Message}");
            }
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            if (allocated > 16 << 20)
            {
                failures.Add($"seed {seed} ({how}): allocated {allocated} bytes");
            }
        }
        Report(failures, loaded);
    }

    [Fact]
    public void MutatedCsv()
    {
        var failures = new List<string>();
        int loaded = 0;
        byte[] valid = Encoding.UTF8.GetBytes(Csv);
        for (int seed = 0; seed < Cases; seed++)
        {
            var random = new Random(seed);
            byte[] mutated = Mutator.Mutate(valid, random);
            string? label = seed % 2 == 0 ? null : "species name";
            try
            {
                var d = CsvDataReader.Read(new StreamReader(new MemoryStream(mutated)), "mutant.csv", label);
                CheckCsv(d);
                loaded++;
            }
            catch (DataFormatException e)
            {
                Assert.StartsWith("mutant.csv: ", e.Message);
            }
            catch (Exception e)
            {
                failures.Add($"seed {seed}: {e.GetType().Name}: {e.Message}");
            }
        }
        Report(failures, loaded);
    }

    private static byte[] Prepare(byte[] valid, bool mutate, string how, Random random)
    {
        if (!mutate)
        {
            return how is "gzip-of-mutated" or "mutated-gzip" ? TestFiles.Gzip(valid) : valid;
        }
        return how switch
        {
            "gzip-of-mutated" => TestFiles.Gzip(Mutator.Mutate(valid, random)),
            "mutated-gzip" => Mutator.Mutate(TestFiles.Gzip(valid), random),
            _ => Mutator.Mutate(valid, random),
        };
    }

    private static Stream Open(byte[] bytes, string how) =>
        how == "pipe" ? new NonSeekableStream(new MemoryStream(bytes)) : new MemoryStream(bytes);

    private static void CheckMnist(DataSet d)
    {
        Assert.True(d.Count > 0);
        Assert.Equal(10, d.OutputSize);
        Assert.Equal(d.Count, d.Labels!.Length);
        Assert.All(d.Inputs, x => Assert.InRange(x, 0f, 1f));
        for (int i = 0; i < d.Count; i++)
        {
            Assert.InRange(d.Labels[i], 0, 9);
            Assert.Equal(1f, d.Target(i).ToArray().Sum());
            Assert.Equal(1f, d.Target(i)[d.Labels[i]]);
        }
    }

    private static void CheckCsv(DataSet d)
    {
        Assert.True(d.Count > 0);
        Assert.True(d.InputSize > 0);
        Assert.Equal(d.ClassNames!.Length, d.OutputSize);
        Assert.All(d.Inputs, x => Assert.True(float.IsFinite(x)));
        for (int i = 0; i < d.Count; i++)
        {
            Assert.Equal(1f, d.Target(i)[d.Labels![i]]);
        }
    }

    private void Report(List<string> failures, int loaded)
    {
        output.WriteLine($"{Cases} mutants: {loaded} loaded, {Cases - loaded - failures.Count} rejected, {failures.Count} failed");
        foreach (string f in failures.Take(20))
        {
            output.WriteLine(f);
        }
        Assert.True(failures.Count == 0, $"{failures.Count} of {Cases} cases failed; first: {failures.FirstOrDefault()}");
        Assert.InRange(loaded, 1, Cases - 1);
    }
}
