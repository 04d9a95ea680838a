using System.Collections.Concurrent;

namespace VeSiting.Api.Hosting.HeavyWork;

/// <summary>
/// One budget for heavy requests (siting, classification, municipality and project assessments): at most
/// <see cref="VeSitingOptions.HeavyConcurrency"/> run at once, at most <see cref="VeSitingOptions.HeavyQueueLength"/>
/// wait, each within <see cref="VeSitingOptions.HeavyTimeLimitSeconds"/>; identical requests running at the same time
/// share one computation, which is cancelled when the last client waiting for it goes.
/// </summary>
public sealed class HeavyWorkQueue
{
    private readonly SemaphoreSlim _slots;
    private readonly int _queueLength;
    private readonly int _capacity;
    private readonly TimeSpan _timeLimit;
    private readonly ConcurrentDictionary<string, Shared> _inFlight = new();
    private static readonly AsyncLocal<bool> Inside = new();
    private int _admitted;
    private long _started;
    private long _cancelled;

    private readonly HeavyWorkScheduler _scheduler;

    public HeavyWorkQueue(IOptions<VeSitingOptions> options, HeavyWorkScheduler scheduler)
    {
        _scheduler = scheduler;
        var o = options.Value;
        _slots = new SemaphoreSlim(Math.Max(1, o.HeavyConcurrency));
        _queueLength = Math.Max(0, o.HeavyQueueLength);
        _capacity = Math.Max(1, o.HeavyConcurrency) + _queueLength;
        _timeLimit = TimeSpan.FromSeconds(o.HeavyTimeLimitSeconds > 0 ? o.HeavyTimeLimitSeconds : int.MaxValue / 1000);
    }

    /// <summary>Computations started (shared ones once) and cancelled because every client went or the time limit passed.</summary>
    public long Started => Interlocked.Read(ref _started);

    public long Cancelled => Interlocked.Read(ref _cancelled);

    /// <summary>Requests admitted (running or waiting for a slot).</summary>
    public int Admitted => Volatile.Read(ref _admitted);

    private int RetryAfterSeconds => (int)Math.Clamp(_timeLimit.TotalSeconds / 4, 1, 60);

    /// <summary>Runs <paramref name="work"/> under the budget; with a <paramref name="shareKey"/>, joins an identical computation already running.</summary>
    public async Task<T> RunAsync<T>(string? shareKey, bool timeLimited, Func<CancellationToken, Task<T>> work, CancellationToken clientToken)
    {
        if (shareKey is null)
            return await ExecuteAsync(work, timeLimited, clientToken);
        while (true)
        {
            var shared = _inFlight.GetOrAdd(shareKey, key => new Shared(this, key, ct => ExecuteBoxedAsync(work, timeLimited, ct)));
            if (!shared.TryJoin())
                continue; // it was just abandoned by its last client; start afresh
            try
            {
                return (T)(await shared.Task.WaitAsync(clientToken))!;
            }
            finally
            {
                shared.Leave();
            }
        }
    }

    private async Task<object?> ExecuteBoxedAsync<T>(Func<CancellationToken, Task<T>> work, bool timeLimited, CancellationToken token) =>
        await ExecuteAsync(work, timeLimited, token);

    private async Task<T> ExecuteAsync<T>(Func<CancellationToken, Task<T>> work, bool timeLimited, CancellationToken token)
    {
        if (Inside.Value)
            return await work(token); // already holds a slot (a siting request asking for its siting result)
        if (Interlocked.Increment(ref _admitted) > _capacity)
        {
            Interlocked.Decrement(ref _admitted);
            throw new HeavyWorkRefusedException(Reason.Of("problem.busy", ("waiting", _queueLength)), RetryAfterSeconds);
        }
        var limit = CancellationTokenSource.CreateLinkedTokenSource(token);
        if (timeLimited)
            limit.CancelAfter(_timeLimit);
        Task<T>? running = null;
        try
        {
            await _slots.WaitAsync(limit.Token);
            Inside.Value = true;
            Interlocked.Increment(ref _started);
            // On the heavy-work threads: everything the computation runs (parallel loops, continuations) stays there.
            running = Task.Factory.StartNew(() => work(limit.Token), limit.Token, TaskCreationOptions.DenyChildAttach, _scheduler).Unwrap();
            // The client is answered as soon as it goes or the limit passes; the computation keeps its slot until it has stopped.
            return await running.WaitAsync(limit.Token);
        }
        catch (OperationCanceledException) when (limit.IsCancellationRequested)
        {
            Interlocked.Increment(ref _cancelled);
            if (token.IsCancellationRequested)
                throw;
            throw new HeavyWorkRefusedException(Reason.Of("problem.time-limit", ("seconds", _timeLimit.TotalSeconds)), RetryAfterSeconds);
        }
        finally
        {
            if (running is null)
                Done(limit, acquired: false);
            else
                _ = running.ContinueWith(_ => Done(limit, acquired: true), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
    }

    private void Done(CancellationTokenSource limit, bool acquired)
    {
        if (acquired)
            _slots.Release();
        Interlocked.Decrement(ref _admitted);
        limit.Dispose();
    }

    /// <summary>A computation several clients wait for; cancelled when the last of them goes.</summary>
    private sealed class Shared
    {
        private readonly CancellationTokenSource _cancel = new();
        private readonly object _gate = new();
        private readonly HeavyWorkQueue _queue;
        private readonly string _key;
        private int _waiters;
        private bool _abandoned;

        public Shared(HeavyWorkQueue queue, string key, Func<CancellationToken, Task<object?>> work)
        {
            (_queue, _key) = (queue, key);
            // On the current scheduler: started from a heavy-work thread (a siting request asking for its siting result), it stays there.
            Task = System.Threading.Tasks.Task.Factory.StartNew(async () =>
            {
                try
                {
                    return await work(_cancel.Token);
                }
                finally
                {
                    Forget();
                }
            }, CancellationToken.None, TaskCreationOptions.DenyChildAttach, TaskScheduler.Current).Unwrap();
        }

        public Task<object?> Task { get; }

        private void Forget() => _queue._inFlight.TryRemove(new KeyValuePair<string, Shared>(_key, this));

        public bool TryJoin()
        {
            lock (_gate)
            {
                if (_abandoned)
                    return false;
                _waiters++;
                return true;
            }
        }

        public void Leave()
        {
            lock (_gate)
            {
                if (--_waiters > 0 || Task.IsCompleted)
                    return;
                _abandoned = true;
            }
            Forget();
            _cancel.Cancel();
        }
    }
}
