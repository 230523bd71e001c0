namespace EcsNet.Cli.Tests.Reliability;

/// <summary>
/// The reliability tests time real processes and use both cores; run one at a time so they neither slow each other
/// past their budgets nor blur the kill timing.
/// </summary>
[CollectionDefinition(Name)]
public sealed class ReliabilityCollection
{
    /// <summary>The collection's name.</summary>
    public const string Name = "Reliability";
}
