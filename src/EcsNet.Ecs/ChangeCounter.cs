namespace EcsNet.Ecs;

/// <summary>A count of row changes shared by every archetype of one world, so one read tells whether any entity anywhere
/// was created, destroyed or moved.</summary>
internal sealed class ChangeCounter
{
    /// <summary>Grows by one with every row added, removed, moved or cleared in any archetype.</summary>
    public long Value;
}
