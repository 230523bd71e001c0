using EcsNet.Data;

namespace EcsNet.Tests.Data;

public class LogicGatesTests
{
    [Theory]
    [InlineData("and", new float[] { 0, 0, 0, 1 })]
    [InlineData("or", new float[] { 0, 1, 1, 1 })]
    [InlineData("nand", new float[] { 1, 1, 1, 0 })]
    [InlineData("xor", new float[] { 0, 1, 1, 0 })]
    [InlineData("XNOR", new float[] { 1, 0, 0, 1 })]
    public void TruthTables(string gate, float[] expected)
    {
        var d = LogicGates.ByName(gate);
        Assert.Equal(4, d.Count);
        Assert.Equal(2, d.InputSize);
        Assert.Equal(1, d.OutputSize);
        // The gates are two classes (false, true): the label is the truth-table output.
        Assert.Equal(expected.Select(v => (int)v), d.Labels!);
        Assert.Equal([0f, 0f, 0f, 1f, 1f, 0f, 1f, 1f], d.Inputs);
        Assert.Equal(expected, d.Targets);
    }

    [Fact]
    public void NamedFactoriesMatchByName()
    {
        Assert.Equal(LogicGates.And().Targets, LogicGates.ByName("and").Targets);
        Assert.Equal(LogicGates.Or().Targets, LogicGates.ByName("or").Targets);
        Assert.Equal(LogicGates.Nand().Targets, LogicGates.ByName("nand").Targets);
        Assert.Equal(LogicGates.Xor().Targets, LogicGates.ByName("xor").Targets);
        Assert.Equal(LogicGates.Xnor().Targets, LogicGates.ByName("xnor").Targets);
    }

    [Fact]
    public void UnknownGateListsValidNames()
    {
        var e = Assert.Throws<ArgumentException>(() => LogicGates.ByName("nor"));
        Assert.Contains("and, or, nand, xor, xnor", e.Message);
    }
}
