namespace EcsNet.Benchmarks.Layouts;

/// <summary>
/// A fixed set of persistent worker threads that run one partitioned piece of work each and then rejoin:
/// <c>Run(work)</c> calls <c>work(0)</c> on the caller and <c>work(1..Count-1)</c> on the workers.
/// </summary>
/// <remarks>
/// Why not <c>Parallel.For</c>: it allocates per call and partitions dynamically, while a training step needs
/// zero allocations and a fixed partition (so results do not depend on scheduling). The events spin before
/// blocking because a step issues several short phases back to back.
/// </remarks>
internal sealed class WorkerPool : IDisposable
{
    private const int SpinCount = 2047; // ManualResetEventSlim's maximum.

    private readonly Thread[] _threads;
    private readonly ManualResetEventSlim[] _start;
    private readonly ManualResetEventSlim _done = new(false, SpinCount);
    private Action<int>? _work;
    private Exception? _failure;
    private int _pending;
    private volatile bool _stopping;

    public WorkerPool(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        Count = count;
        _threads = new Thread[count - 1];
        _start = new ManualResetEventSlim[count - 1];
        for (var i = 0; i < _threads.Length; i++)
        {
            _start[i] = new ManualResetEventSlim(false, SpinCount);
            var part = i + 1;
            _threads[i] = new Thread(() => Loop(part)) { IsBackground = true, Name = $"Layouts worker {part}" };
            _threads[i].Start();
        }
    }

    /// <summary>Number of parts a <see cref="Run"/> is split into (caller included).</summary>
    public int Count { get; }

    /// <summary>Runs <paramref name="work"/>(part) for every part and returns when all have finished.</summary>
    public void Run(Action<int> work)
    {
        if (_threads.Length == 0)
        {
            work(0);
            return;
        }
        _work = work;
        _done.Reset();
        Volatile.Write(ref _pending, _threads.Length);
        foreach (var start in _start)
        {
            start.Set();
        }
        work(0);
        _done.Wait();
        _work = null;
        if (_failure is { } failure)
        {
            _failure = null;
            throw new AggregateException(failure);
        }
    }

    public void Dispose()
    {
        if (_stopping)
        {
            return;
        }
        _stopping = true;
        foreach (var start in _start)
        {
            start.Set();
        }
        foreach (var thread in _threads)
        {
            thread.Join();
        }
        foreach (var start in _start)
        {
            start.Dispose();
        }
        _done.Dispose();
    }

    private void Loop(int part)
    {
        var start = _start[part - 1];
        while (true)
        {
            start.Wait();
            start.Reset(); // Safe: the caller only sets it again after every worker has signalled done.
            if (_stopping)
            {
                return;
            }
            try
            {
                _work!(part);
            }
            catch (Exception e)
            {
                _failure = e;
            }
            if (Interlocked.Decrement(ref _pending) == 0)
            {
                _done.Set();
            }
        }
    }
}
