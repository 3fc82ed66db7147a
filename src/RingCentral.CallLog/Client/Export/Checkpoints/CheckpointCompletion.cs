using System;
using System.IO;

namespace RingCentral.CallLog.Client.Export.Checkpoints;

/// <summary>
/// The second step of a checkpointed run: once the consumer has stored the rows, the state the
/// run left in <c>&lt;checkpoint&gt;.pending</c> becomes the checkpoint, with one rename.
/// </summary>
internal sealed class CheckpointCompletion : IDisposable
{
    private CheckpointLock? _lock;

    private CheckpointCompletion(string path, CheckpointLock held, CallLogCheckpoint pending, CallLogCheckpoint? committed)
    {
        Path = path;
        _lock = held;
        Pending = pending;
        Committed = committed;
    }

    public string Path { get; }

    public string PendingPath => CheckpointFiles.Pending(Path);

    /// <summary>The state the run left, checked.</summary>
    public CallLogCheckpoint Pending { get; }

    /// <summary>The checkpoint it replaces; null before the first completion.</summary>
    public CallLogCheckpoint? Committed { get; }

    /// <summary>Takes the lock and checks both files; nothing changes before <see cref="Promote"/>.</summary>
    /// <exception cref="CheckpointInUseException">A run holds the lock.</exception>
    /// <exception cref="FileNotFoundException">There is no pending state.</exception>
    /// <exception cref="InvalidDataException">The pending state or the checkpoint is not a checkpoint.</exception>
    /// <exception cref="CheckpointMismatchException">They were made for other filters or accounts.</exception>
    public static CheckpointCompletion Prepare(string path)
    {
        var held = CheckpointLock.Acquire(path);
        try
        {
            var pendingPath = CheckpointFiles.Pending(path);
            var pending = CallLogCheckpoint.Load(pendingPath)
                ?? throw new FileNotFoundException($"There is no pending state for the checkpoint '{path}' ('{pendingPath}' does not exist): no checkpointed run has completed since the last Complete-RcCheckpoint, or a later run discarded it. Nothing was changed.", pendingPath);
            var committed = CallLogCheckpoint.Load(path);
            if (committed is not null && !(string.Equals(committed.Filter, pending.Filter, StringComparison.Ordinal) && string.Equals(committed.Account, pending.Account, StringComparison.Ordinal)))
            {
                throw new CheckpointMismatchException($"The pending state '{pendingPath}' was made for other filters or another account ({pending.Filter}; {pending.Account}) than the checkpoint '{path}' ({committed.Filter}; {committed.Account}). Nothing was changed.");
            }

            return new CheckpointCompletion(path, held, pending, committed);
        }
        catch
        {
            held.Dispose();
            throw;
        }
    }

    /// <summary>Replaces the checkpoint with the pending state in one rename (the pending file was flushed to disk when written).</summary>
    public void Promote()
    {
        if (_lock is null)
        {
            throw new ObjectDisposedException(nameof(CheckpointCompletion));
        }

        if (File.Exists(Path))
        {
            File.Replace(PendingPath, Path, null);
        }
        else
        {
            File.Move(PendingPath, Path);
        }
    }

    public void Dispose()
    {
        _lock?.Dispose();
        _lock = null;
    }
}
