using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;

namespace RingCentral.CallLog.Commands;

/// <summary>
/// Runs async client work from a cmdlet while keeping every Write* call on the pipeline thread:
/// other threads post actions here, and <see cref="Run{T}"/> executes them while it waits.
/// </summary>
internal sealed class PipelinePump : IDisposable
{
    // The pumps running now on this thread, innermost first: a cmdlet called from another's pump
    // (downstream of a live producer) can see whether its upstream has more output waiting.
    [ThreadStatic]
    private static PipelinePump? t_running;

    private readonly BlockingCollection<Action> _queue = new();
    private readonly int _pipelineThread = Environment.CurrentManagedThreadId;
    private PipelinePump? _outer;
    private int _queuedOutputs;

    /// <summary>True on a pipeline thread whose upstream cmdlet is pumping live output (Watch-RcCallEvent).</summary>
    public static bool UpstreamIsLive => t_running is not null;

    /// <summary>True when a pump running on this thread has output queued for the next command.</summary>
    public static bool UpstreamHasOutput
    {
        get
        {
            for (var pump = t_running; pump is not null; pump = pump._outer)
            {
                if (Volatile.Read(ref pump._queuedOutputs) > 0)
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>Like <see cref="Post"/> for an action that writes output: a downstream cmdlet may ask whether some is waiting.</summary>
    public void PostOutput(Action write)
    {
        Interlocked.Increment(ref _queuedOutputs);
        Post(() =>
        {
            Interlocked.Decrement(ref _queuedOutputs);
            write();
        });
    }

    /// <summary>Runs the action now when on the pipeline thread, else when the pump next runs.</summary>
    public void Post(Action action)
    {
        if (Environment.CurrentManagedThreadId == _pipelineThread)
        {
            action();
            return;
        }

        try
        {
            _queue.Add(action);
        }
        catch (InvalidOperationException)
        {
            // Pump disposed: the cmdlet has finished; late messages have nowhere to go.
        }
    }

    /// <summary>Waits for the task on the pipeline thread, executing posted actions meanwhile.</summary>
    public T Run<T>(Task<T> task)
    {
        // Wakes the loop as soon as the task ends, instead of at the next poll.
        _ = task.ContinueWith(_ => Post(() => { }), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        _outer = t_running;
        t_running = this;
        try
        {
            while (!task.IsCompleted)
            {
                if (_queue.TryTake(out var action, 200))
                {
                    action();
                }
            }

            Drain();
        }
        finally
        {
            t_running = _outer;
            _outer = null;
        }

        return task.GetAwaiter().GetResult();
    }

    /// <summary>Executes what is queued now.</summary>
    public void Drain()
    {
        while (_queue.TryTake(out var action))
        {
            action();
        }
    }

    public void Dispose()
    {
        _queue.CompleteAdding();
        _queue.Dispose();
    }
}
