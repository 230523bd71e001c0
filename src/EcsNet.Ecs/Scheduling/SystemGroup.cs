namespace EcsNet.Ecs.Scheduling;

/// <summary>
/// Runs its systems in the order they were added: created in order, updated in order, disposed in reverse order.
/// A group is itself a system, so groups nest.
/// </summary>
public sealed class SystemGroup<TContext> : ISystem<TContext>
{
    private readonly List<ISystem<TContext>> _systems = [];
    private bool _created;
    private bool _disposed;

    /// <summary>Creates a group with a name (for diagnostics) and its systems in update order.</summary>
    public SystemGroup(string name, params ISystem<TContext>[] systems)
    {
        Name = name;
        foreach (var system in systems)
        {
            Add(system);
        }
    }

    /// <summary>The group's name.</summary>
    public string Name { get; }

    /// <summary>The systems in update order.</summary>
    public IReadOnlyList<ISystem<TContext>> Systems => _systems;

    /// <summary>Appends a system; it runs after every system already in the group.</summary>
    public SystemGroup<TContext> Add(ISystem<TContext> system)
    {
        ArgumentNullException.ThrowIfNull(system);
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_created)
        {
            throw new InvalidOperationException($"System group '{Name}' is already created; add systems before the first update.");
        }

        _systems.Add(system);
        return this;
    }

    /// <summary>Creates every system in order. Called by the first <see cref="Update"/> if not called before.</summary>
    public void Create(TContext context)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_created)
        {
            return;
        }

        _created = true;
        foreach (var system in _systems)
        {
            system.Create(context);
        }
    }

    /// <summary>Updates every system in the declared order.</summary>
    public void Update(TContext context)
    {
        if (!_created)
        {
            Create(context);
        }

        ObjectDisposedException.ThrowIf(_disposed, this);
        foreach (var system in _systems)
        {
            system.Update(context);
        }
    }

    /// <summary>Disposes every system in reverse order.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        for (var i = _systems.Count - 1; i >= 0; i--)
        {
            _systems[i].Dispose();
        }
    }
}
