using EcsNet.Persistence;
using EcsNet.Tests.Data;

namespace EcsNet.Tests.Persistence;

/// <summary>The committed corpus of broken model files (Fixtures/model): each fails naming the field and the problem.</summary>
public class ModelFixtureTests
{
    [Theory]
    [InlineData("not-json.json", "invalid JSON at line 1, position 2: 'this is not json ' is an invalid JSON literal. Expected the literal 'true'.")]
    [InlineData("truncated.json", "invalid JSON at line 1, position 89:")]
    [InlineData("bad-escape.json", "layers[1].activation: string has an invalid \\u escape")]
    [InlineData("bad-utf8.json", "invalid UTF-8 at line 2, position 18")]
    [InlineData("root-array.json", "$: is an array of 3; expected an object")]
    [InlineData("missing-format.json", "format: is missing; expected \"ecsnet-model/1\"")]
    [InlineData("wrong-format.json", "format: is the string \"ecsnet-model/2\"; expected \"ecsnet-model/1\"")]
    [InlineData("no-layers.json", "layers: is missing")]
    [InlineData("empty-layers.json", "layers: has 0 layers; at least 2 (input and output) are needed")]
    [InlineData("one-layer.json", "layers: has 1 layers")]
    [InlineData("size-zero.json", "layers[1].size: must be a positive integer of at most 16777216, got 0")]
    [InlineData("size-fraction.json", "layers[1].size: is 2.5; expected a positive integer")]
    [InlineData("size-string.json", "layers[0].size: is the string \"2\"; expected a positive integer")]
    [InlineData("unknown-activation.json", "layers[1].activation: unknown activation 'sigmoidal'; valid: step, sign, linear, sigmoid, tanh, hardtanh, relu, leaky-relu, softmax")]
    [InlineData("missing-activation.json", "layers[1].activation: is missing; valid: step")]
    [InlineData("input-activation.json", "layers[0].activation: the input layer has only a size")]
    [InlineData("bias-length.json", "layers[1].bias: has 3 values but the layer size is 2")]
    [InlineData("weights-rows.json", "layers[1].weights: has 1 rows but the layer size is 2")]
    [InlineData("weights-row-length.json", "layers[2].weights[1]: has 3 values but the previous layer has 2 neurons")]
    [InlineData("weight-string.json", "layers[1].weights[0][1]: is the string \"2\"; expected a number")]
    [InlineData("weight-null.json", "layers[1].weights[0][1]: is null; expected a number")]
    [InlineData("weight-overflow.json", "layers[1].weights[0][0]: 1e39 is outside the float range")]
    [InlineData("synapse-backward.json", "synapses[0]: goes from layer 2 to layer 1; synapses must go forward")]
    [InlineData("synapse-out-of-range.json", "synapses[0].to: neuron 5 does not exist; layer 2 has 1 neurons")]
    [InlineData("synapse-missing-layer.json", "synapses[0].to: layer 3 does not exist; the model has layers 0 to 1")]
    [InlineData("synapse-duplicate.json", "synapses[1]: duplicates synapses[0] (same from and to)")]
    [InlineData("synapse-dense-duplicate.json", "synapses[0]: duplicates the dense weight layers[1].weights[0][1]")]
    [InlineData("synapse-bad-endpoint.json", "synapses[0].from: is an array of 1; expected [layer, neuron]")]
    [InlineData("synapse-negative-index.json", "synapses[0].from[1]: is -1; expected a non-negative integer")]
    [InlineData("synapse-no-weight.json", "synapses[0].weight: is missing")]
    [InlineData("unknown-property.json", "layers[1].weight: unknown property; valid here: size, activation, bias, weights")]
    [InlineData("duplicate-property.json", "layers[1].size: appears twice")]
    public void BrokenModelFiles(string file, string expected)
    {
        string path = TestFiles.Fixture("model", file);
        var e = Assert.Throws<ModelFormatException>(() => ModelFile.Read(path));
        Assert.StartsWith(path + ": ", e.Message);
        Assert.Contains(expected, e.Message);
        Assert.DoesNotContain('\n', e.Message);
        Assert.DoesNotContain("LineNumber", e.Message);
    }

    [Fact]
    public void ValidFixtureLoads() => Assert.Equal(3, ModelFile.Read(TestFiles.Fixture("model", "valid.json")).Layers.Count);
}
