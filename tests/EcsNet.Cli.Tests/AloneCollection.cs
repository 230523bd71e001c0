namespace EcsNet.Cli.Tests;

/// <summary>
/// Tests that measure the process itself (the managed heap, a file another thread writes) run alone: another test's
/// allocations or a starved thread pool would make them measure the wrong thing.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AloneCollection
{
    /// <summary>The collection's name.</summary>
    public const string Name = "Alone";
}
