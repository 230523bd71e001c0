using System.Collections;

namespace EcsNet.Systems;

/// <summary>One system of a network's pipeline, with the phase it runs in.</summary>
/// <param name="Phase">When in the step it runs.</param>
/// <param name="System">The system.</param>
/// <param name="IsBuiltIn">Whether it is one of the built-in passes (which cannot be removed).</param>
public readonly record struct SystemEntry(StepPhase Phase, ISystem<StepContext> System, bool IsBuiltIn)
{
    /// <summary>The system's type name, e.g. <c>FeedforwardSystem</c>.</summary>
    public string Name => System.GetType().Name;

    /// <inheritdoc/>
    public override string ToString() => $"{Phase}: {Name}";
}

/// <summary>
/// A network's pipeline, Unity-style: the built-in passes and the user's systems, in the order they run. Add a system
/// at a phase (it runs after the others already there), before or after another system, and remove it again. Changes
/// made while a phase runs take effect from the next phase that starts.
/// </summary>
public sealed class NetworkSystems : IReadOnlyList<SystemEntry>
{
    private static readonly int PhaseCount = Enum.GetValues<StepPhase>().Length;

    private readonly List<SystemEntry> _entries = [];
    private readonly StepContext _context;
    private ISystem<StepContext>[][] _byPhase;
    private bool[] _userPhases;

    internal NetworkSystems(StepContext context, params (StepPhase Phase, ISystem<StepContext> System)[] builtIns)
    {
        _context = context;
        foreach (var (phase, system) in builtIns)
        {
            _entries.Add(new SystemEntry(phase, system, IsBuiltIn: true));
        }

        Reindex();
    }

    /// <summary>The number of systems, built-in ones included.</summary>
    public int Count => _entries.Count;

    /// <summary>The system at a position of the run order.</summary>
    public SystemEntry this[int index] => _entries[index];

    /// <summary>Adds <paramref name="system"/> at the end of <paramref name="phase"/>.</summary>
    /// <exception cref="InvalidOperationException">The system is already in the pipeline.</exception>
    public NetworkSystems Add(StepPhase phase, ISystem<StepContext> system)
    {
        CheckNew(system);
        var at = _entries.FindLastIndex(e => e.Phase <= phase) + 1;
        return Insert(at, new SystemEntry(phase, system, IsBuiltIn: false));
    }

    /// <summary>Adds <paramref name="system"/> just before <paramref name="anchor"/>, in the anchor's phase.</summary>
    /// <exception cref="InvalidOperationException">The anchor is not in the pipeline, or the system already is.</exception>
    public NetworkSystems AddBefore(ISystem<StepContext> anchor, ISystem<StepContext> system)
    {
        CheckNew(system);
        var at = IndexOf(anchor);
        return Insert(at, new SystemEntry(_entries[at].Phase, system, IsBuiltIn: false));
    }

    /// <summary>Adds <paramref name="system"/> just after <paramref name="anchor"/>, in the anchor's phase.</summary>
    /// <exception cref="InvalidOperationException">The anchor is not in the pipeline, or the system already is.</exception>
    public NetworkSystems AddAfter(ISystem<StepContext> anchor, ISystem<StepContext> system)
    {
        CheckNew(system);
        var at = IndexOf(anchor);
        return Insert(at + 1, new SystemEntry(_entries[at].Phase, system, IsBuiltIn: false));
    }

    /// <summary>The first system of type <typeparamref name="T"/> (for example a built-in pass, to add next to it).</summary>
    /// <exception cref="InvalidOperationException">No such system is in the pipeline.</exception>
    public T Get<T>()
        where T : ISystem<StepContext>
    {
        foreach (var entry in _entries)
        {
            if (entry.System is T found)
            {
                return found;
            }
        }

        throw new InvalidOperationException($"no {typeof(T).Name} in the pipeline ({string.Join(", ", _entries.Select(e => e.Name))})");
    }

    /// <summary>Removes a user system and disposes it.</summary>
    /// <exception cref="InvalidOperationException">The system is not in the pipeline, or is a built-in pass.</exception>
    public void Remove(ISystem<StepContext> system)
    {
        var at = IndexOf(system);
        if (_entries[at].IsBuiltIn)
        {
            throw new InvalidOperationException($"{_entries[at].Name} is a built-in pass and cannot be removed");
        }

        _entries.RemoveAt(at);
        Reindex();
        system.Dispose();
    }

    /// <summary>Whether a user system runs in <paramref name="phase"/>.</summary>
    public bool HasUserSystems(StepPhase phase) => _userPhases[(int)phase];

    /// <inheritdoc/>
    public IEnumerator<SystemEntry> GetEnumerator() => _entries.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <inheritdoc/>
    public override string ToString() => string.Join(" → ", _entries.Select(e => e.ToString()));

    /// <summary>Runs every system of <paramref name="phase"/> in order.</summary>
    internal void Run(StepPhase phase)
    {
        // The phase's array is a snapshot: a system that edits the pipeline does not disturb this loop.
        var systems = _byPhase[(int)phase];
        if (systems.Length == 0)
        {
            return;
        }

        _context.Phase = phase;
        foreach (var system in systems)
        {
            system.Update(_context);
        }
    }

    /// <summary>Disposes every system, in reverse order.</summary>
    internal void Dispose()
    {
        for (var i = _entries.Count - 1; i >= 0; i--)
        {
            _entries[i].System.Dispose();
        }
    }

    private NetworkSystems Insert(int at, SystemEntry entry)
    {
        entry.System.Create(_context);
        _entries.Insert(at, entry);
        Reindex();
        return this;
    }

    private void CheckNew(ISystem<StepContext> system)
    {
        ArgumentNullException.ThrowIfNull(system);
        if (_entries.Exists(e => ReferenceEquals(e.System, system)))
        {
            throw new InvalidOperationException($"this {system.GetType().Name} is already in the pipeline");
        }
    }

    private int IndexOf(ISystem<StepContext> system)
    {
        ArgumentNullException.ThrowIfNull(system);
        var at = _entries.FindIndex(e => ReferenceEquals(e.System, system));
        return at >= 0 ? at : throw new InvalidOperationException($"this {system.GetType().Name} is not in the pipeline");
    }

    /// <summary>Snapshots each phase's systems for <see cref="Run"/>, and which phases have user systems.</summary>
    [System.Diagnostics.CodeAnalysis.MemberNotNull(nameof(_byPhase), nameof(_userPhases))]
    private void Reindex()
    {
        var byPhase = new ISystem<StepContext>[PhaseCount][];
        var userPhases = new bool[PhaseCount];
        for (var p = 0; p < PhaseCount; p++)
        {
            byPhase[p] = _entries.Where(e => (int)e.Phase == p).Select(e => e.System).ToArray();
            userPhases[p] = _entries.Exists(e => (int)e.Phase == p && !e.IsBuiltIn);
        }

        _byPhase = byPhase;
        _userPhases = userPhases;
    }
}
