namespace EcsNet.Kernels;

/// <summary>A piece of work split into parts; part p of n must touch memory no other part touches.</summary>
internal interface IPartitionedJob
{
    void Execute(int part, int parts);
}

/// <summary>
/// Persistent worker threads for the synapse passes of large layers. The caller runs part 0 itself; jobs are
/// preallocated objects, so dispatching a pass allocates nothing. Which memory a part touches is fixed by the job's
/// partition, never by timing, so results do not depend on the number of threads.
/// </summary>
internal sealed class WorkerPool : IDisposable
{
    private readonly Thread[] _threads;
    private readonly SemaphoreSlim[] _start;
    private readonly CountdownEvent _done;
    private IPartitionedJob? _job;
    private Exception? _error;
    private volatile bool _stopping;

    public WorkerPool(int threads)
    {
        Threads = threads;
        _threads = new Thread[threads - 1];
        _start = new SemaphoreSlim[threads - 1];
        _done = new CountdownEvent(1);
        for (var i = 0; i < _threads.Length; i++)
        {
            var part = i + 1;
            _start[i] = new SemaphoreSlim(0);
            _threads[i] = new Thread(() => Work(part)) { IsBackground = true, Name = $"ecsnet-worker-{part}" };
            _threads[i].Start();
        }
    }

    /// <summary>The number of parts a job is split into (the caller's thread included).</summary>
    public int Threads { get; }

    /// <summary>Runs every part of <paramref name="job"/> and returns when all are done.</summary>
    public void Run(IPartitionedJob job)
    {
        if (Threads == 1)
        {
            job.Execute(0, 1);
            return;
        }

        _job = job;
        _done.Reset(Threads - 1);
        foreach (var start in _start)
        {
            start.Release();
        }

        try
        {
            job.Execute(0, Threads);
        }
        finally
        {
            _done.Wait();
            _job = null;
        }

        if (Interlocked.Exchange(ref _error, null) is { } error)
        {
            throw new AggregateException("a worker thread failed", error);
        }
    }

    private void Work(int part)
    {
        var start = _start[part - 1];
        while (true)
        {
            start.Wait();
            if (_stopping)
            {
                return;
            }

            try
            {
                _job!.Execute(part, Threads);
            }
            catch (Exception e)
            {
                // Rethrown on the caller's thread by Run: an exception must not kill a background thread silently.
                Interlocked.CompareExchange(ref _error, e, null);
            }
            finally
            {
                _done.Signal();
            }
        }
    }

    public void Dispose()
    {
        _stopping = true;
        foreach (var start in _start)
        {
            start.Release();
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
}
