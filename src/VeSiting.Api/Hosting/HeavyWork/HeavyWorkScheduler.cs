using System.Collections.Concurrent;
using System.Runtime.InteropServices;

namespace VeSiting.Api.Hosting.HeavyWork;

/// <summary>
/// Dedicated threads for heavy computations, at a lower OS priority (Linux: nice +10 per thread). Parallel loops and
/// await continuations inside a computation stay on them (they use <see cref="TaskScheduler.Current"/>), so heavy work
/// takes neither the thread pool nor the cores from light requests such as /health and point assessments.
/// </summary>
public sealed class HeavyWorkScheduler : TaskScheduler, IDisposable
{
    private readonly BlockingCollection<Task> _tasks = [];
    private readonly Thread[] _threads;

    [ThreadStatic]
    private static bool _onHeavyThread;

    public HeavyWorkScheduler(int threads)
    {
        _threads = [.. Enumerable.Range(0, Math.Max(1, threads)).Select(i => new Thread(Run) { IsBackground = true, Name = $"heavy-work-{i}" })];
        foreach (var thread in _threads)
            thread.Start();
    }

    public override int MaximumConcurrencyLevel => _threads.Length;

    private void Run()
    {
        _onHeavyThread = true;
        LowerPriority();
        foreach (var task in _tasks.GetConsumingEnumerable())
            TryExecuteTask(task);
    }

    protected override void QueueTask(Task task) => _tasks.Add(task);

    protected override bool TryExecuteTaskInline(Task task, bool taskWasPreviouslyQueued) => _onHeavyThread && TryExecuteTask(task);

    protected override IEnumerable<Task> GetScheduledTasks() => _tasks.ToArray();

    public void Dispose()
    {
        _tasks.CompleteAdding();
        _tasks.Dispose();
    }

    /// <summary>Linux keeps a nice value per thread; raising one's own needs no privilege. Elsewhere the threads keep normal priority.</summary>
    private static void LowerPriority()
    {
        if (!OperatingSystem.IsLinux())
            return;
        try
        {
            _ = SetPriority(0, 0, 10); // PRIO_PROCESS, the calling thread
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            // No libc of the expected name: normal priority.
        }
    }

    [DllImport("libc", EntryPoint = "setpriority")]
#pragma warning disable SYSLIB1054 // LibraryImport would need unsafe code in this project for one blittable call
    private static extern int SetPriority(int which, int who, int priority);
#pragma warning restore SYSLIB1054
}
