namespace EcsNet.Ecs.Scheduling;

/// <summary>
/// A Unity-style system: created once, updated once per tick in the order its group declares, disposed at the end.
/// It names no world type, so the same systems run on the built-in core or on Arch.
/// </summary>
/// <typeparam name="TContext">What every system of a group reads and writes during a tick.</typeparam>
public interface ISystem<in TContext> : IDisposable
{
    /// <summary>Called once, before the first <see cref="Update"/>.</summary>
    void Create(TContext context)
    {
    }

    /// <summary>Runs the system's pass.</summary>
    void Update(TContext context);

    void IDisposable.Dispose()
    {
    }
}
