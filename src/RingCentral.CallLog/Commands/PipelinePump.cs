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
    private readonly BlockingCollection<Action> _queue = new();
    private readonly int _pipelineThread = Environment.CurrentManagedThreadId;

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
        while (!task.IsCompleted)
        {
            if (_queue.TryTake(out var action, 200))
            {
                action();
            }
        }

        Drain();
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
