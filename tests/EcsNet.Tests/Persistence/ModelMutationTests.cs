using System.Text;
using EcsNet.Persistence;
using EcsNet.Tests.Data;
using Xunit.Abstractions;

namespace EcsNet.Tests.Persistence;

/// <summary>
/// Thousands of seeded random mutations of a valid model file: each either parses into a model that validates and
/// round-trips, or throws <see cref="ModelFormatException"/>; anything else fails and prints the seed.
/// </summary>
public class ModelMutationTests(ITestOutputHelper output)
{
    private const int Cases = 4000;

    [Fact]
    public void MutatedModelFiles()
    {
        var valid = ModelFile.Parse("""
            { "format": "ecsnet-model/1",
              "layers": [ { "size": 3 },
                          { "size": 2, "activation": "tanh", "bias": [0.5, -1E-45], "weights": [[1, 2, -3e-2], [4.5, 0, -0]] },
                          { "size": 2, "activation": "softmax", "weights": [[0.1, 0.2], [3.4028235E+38, 7]] } ],
              "synapses": [ { "from": [0, 1], "to": [2, 0], "weight": 0.1 }, { "from": [0, 2], "to": [2, 1], "weight": -2 } ],
              "metadata": { "note": "x" } }
            """);
        byte[] bytes = Encoding.UTF8.GetBytes(ModelFile.ToJson(valid));
        var failures = new List<string>();
        int loaded = 0;
        for (int seed = 0; seed < Cases; seed++)
        {
            byte[] mutated = Mutator.Mutate(bytes, new Random(seed));
            try
            {
                var spec = seed % 2 == 0 ? ModelJsonReader.Parse(mutated, "mutant.json") : ModelFile.Parse(Encoding.UTF8.GetString(mutated), "mutant.json");
                string json = ModelFile.ToJson(spec);
                Assert.Equal(json, ModelFile.ToJson(ModelFile.Parse(json)));
                loaded++;
            }
            catch (ModelFormatException e)
            {
                Assert.StartsWith("mutant.json: ", e.Message);
                Assert.DoesNotContain('\n', e.Message);
            }
            catch (Exception e)
            {
                failures.Add($"seed {seed}: {e.GetType().Name}: {e.Message}");
            }
        }
        output.WriteLine($"{Cases} mutants: {loaded} loaded, {Cases - loaded - failures.Count} rejected, {failures.Count} failed");
        foreach (string f in failures.Take(20))
        {
            output.WriteLine(f);
        }
        Assert.True(failures.Count == 0, $"{failures.Count} of {Cases} cases failed; first: {failures.FirstOrDefault()}");
        Assert.InRange(loaded, 1, Cases - 1);
    }
}
