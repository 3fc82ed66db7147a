using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Text.Json;

namespace RingCentral.CallLog.Client.Export.Checkpoints;

/// <summary>
/// One run at a time per checkpoint: <c>&lt;checkpoint&gt;.lock</c>, held from the start of a run
/// (or of Complete-RcCheckpoint) to its end.
/// </summary>
/// <remarks>
/// Why an operating-system lock and not "the file exists": a process killed with kill -9 or a
/// power cut cannot delete its lock file, and deciding from a pid that its owner is gone is
/// guesswork (pids are reused; the host may be another computer). A byte-range lock
/// (<see cref="FileStream.Lock"/>: fcntl on Unix, LockFileEx on Windows) is released by the
/// kernel when its process ends, however it ends, so a lock left by a dead run is simply free and
/// the next run takes it over. The range locked lies far past the file's content, so another
/// process can still read the content (pid, host, since when) to say who holds it.
///
/// Two POSIX rules shape the code: fcntl locks belong to the process (a second run in the same
/// process would be granted the same lock), and closing any handle of the file releases all of
/// the process's locks on it. Hence the in-process table, checked before the file is opened at
/// all, and the holder reads nothing through a second handle. The lock file is never deleted:
/// deleting it while a second run has it open would let a third run lock a new file of the same
/// name; released, it is emptied.
/// </remarks>
internal sealed class CheckpointLock : IDisposable
{
    private const long LockedByte = 1L << 30;
    private static readonly Dictionary<string, LockHolder> HeldHere = new(StringComparer.Ordinal);

    private readonly string _path;
    private FileStream? _stream;

    private CheckpointLock(string path, FileStream stream, LockHolder? takenOverFrom)
    {
        _path = path;
        _stream = stream;
        TakenOverFrom = takenOverFrom;
    }

    /// <summary>Who held the lock last, when that process ended without releasing it (killed); otherwise null.</summary>
    public LockHolder? TakenOverFrom { get; }

    /// <summary>Takes the checkpoint's lock, or fails at once when another run holds it.</summary>
    /// <exception cref="CheckpointInUseException">Another run holds it.</exception>
    public static CheckpointLock Acquire(string checkpoint)
    {
        var path = CheckpointFiles.Lock(Path.GetFullPath(checkpoint));
        var me = new LockHolder(Process.GetCurrentProcess().Id, Environment.MachineName, DateTimeOffset.UtcNow);
        lock (HeldHere)
        {
            if (HeldHere.TryGetValue(path, out var holder))
            {
                throw InUse(checkpoint, path, holder);
            }

            var stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete);
            LockHolder? previous;
            try
            {
                previous = LockHolder.Read(stream);
                try
                {
                    stream.Lock(LockedByte, 1);
                }
                catch (IOException)
                {
                    throw InUse(checkpoint, path, previous);
                }
                catch (PlatformNotSupportedException)
                {
                    // macOS has no FileStream.Lock: an exclusive open (flock there) is as safe, but
                    // another process cannot read who holds it.
                    stream.Dispose();
                    stream = OpenExclusive(checkpoint, path);
                }

                // Held: whoever the file names is gone.
                Write(stream, me);
            }
            catch
            {
                stream.Dispose();
                throw;
            }

            HeldHere[path] = me;
            return new CheckpointLock(path, stream, previous);
        }
    }

    public void Dispose()
    {
        lock (HeldHere)
        {
            var stream = _stream;
            if (stream is null)
            {
                return;
            }

            _stream = null;
            try
            {
                stream.SetLength(0);
            }
            catch (IOException)
            {
                // The content only informs; the kernel releases the lock below all the same.
            }

            stream.Dispose();
            HeldHere.Remove(_path);
        }
    }

    private static FileStream OpenExclusive(string checkpoint, string path)
    {
        try
        {
            return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            throw InUse(checkpoint, path, null);
        }
    }

    private static CheckpointInUseException InUse(string checkpoint, string lockPath, LockHolder? holder)
    {
        var who = holder is null
            ? "a process that has not yet said which"
            : string.Format(CultureInfo.InvariantCulture, "process {0} on {1} since {2:yyyy-MM-dd HH:mm:ss}Z", holder.ProcessId, holder.Host, holder.Since.UtcDateTime);
        return new CheckpointInUseException(
            $"The checkpoint '{checkpoint}' is in use by another run: {who} holds '{lockPath}'. One run at a time per checkpoint; try again when that run has ended (a lock of a process that has ended is released by the system and taken over).");
    }

    /// <summary>Best effort: the lock holds whether or not its content could be written (say on a full disk).</summary>
    private static void Write(FileStream stream, LockHolder me)
    {
        try
        {
            var bytes = me.ToJson();
            stream.SetLength(0);
            stream.Position = 0;
            stream.Write(bytes, 0, bytes.Length);
            stream.Flush(true);
        }
        catch (IOException)
        {
        }
    }
}

/// <summary>What a lock file says of the run that holds it.</summary>
internal sealed class LockHolder
{
    public LockHolder(int processId, string host, DateTimeOffset since)
    {
        ProcessId = processId;
        Host = host;
        Since = since;
    }

    public int ProcessId { get; }

    public string Host { get; }

    public DateTimeOffset Since { get; }

    /// <summary>The holder the file names, through the handle given (never a second one); null when empty or unreadable.</summary>
    public static LockHolder? Read(FileStream stream)
    {
        try
        {
            var length = (int)Math.Min(stream.Length, 4096);
            if (length == 0)
            {
                return null;
            }

            var bytes = new byte[length];
            stream.Position = 0;
            var read = 0;
            int n;
            while (read < length && (n = stream.Read(bytes, read, length - read)) > 0)
            {
                read += n;
            }

            using var document = JsonDocument.Parse(new ReadOnlyMemory<byte>(bytes, 0, read));
            var root = document.RootElement;
            return new LockHolder(
                root.GetProperty("pid").GetInt32(),
                root.GetProperty("host").GetString() ?? "?",
                DateTimeOffset.Parse(root.GetProperty("since").GetString() ?? string.Empty, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal));
        }
        catch (Exception ex) when (ex is IOException or JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }

    public byte[] ToJson()
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteNumber("pid", ProcessId);
            writer.WriteString("host", Host);
            writer.WriteString("since", Since.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
            writer.WriteEndObject();
        }

        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }
}
