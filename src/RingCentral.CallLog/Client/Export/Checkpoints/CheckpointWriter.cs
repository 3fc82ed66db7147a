using System;
using System.IO;
using System.Text;

namespace RingCentral.CallLog.Client.Export.Checkpoints;

/// <summary>
/// Writes a checkpoint file to a temp name beside <c>destination</c>, entry by entry as the run
/// goes, and puts it in place with one rename when the run has completed. Disposed without
/// <see cref="Commit"/>, or when the commit fails (a full disk), it deletes what it wrote, and
/// never throws doing so: the destination is never touched.
/// </summary>
internal sealed class CheckpointWriter : IDisposable
{
    private readonly string _path;
    private readonly string _temp;
    private readonly string _end;
    private readonly FileStream _file;
    private StreamWriter? _writer;
    private long _lastStartMs = long.MaxValue;

    internal CheckpointWriter(string destination, string header, string end)
    {
        _path = System.IO.Path.GetFullPath(destination);
        _temp = CheckpointFiles.NewTemp(_path);
        _end = end;
        _file = new FileStream(_temp, FileMode.CreateNew, FileAccess.Write);
        _writer = new StreamWriter(_file, new UTF8Encoding(false));
        try
        {
            _writer.Write(header);
        }
        catch
        {
            Abandon();
            throw;
        }
    }

    public int Count { get; private set; }

    /// <summary>Adds an entry; entries come newest first (the order the next run reads them in).</summary>
    public void Add(CheckpointEntry entry)
    {
        var writer = _writer ?? throw new ObjectDisposedException(nameof(CheckpointWriter));
        if (entry.StartMs > _lastStartMs)
        {
            throw new InvalidOperationException("Checkpoint entries must come newest first.");
        }

        _lastStartMs = entry.StartMs;
        writer.Write(Count == 0 ? "\n" : ",\n");
        writer.Write(CallLogCheckpoint.FormatEntry(entry));
        Count++;
    }

    /// <summary>Finishes the file, flushes it to disk and replaces the destination with it.</summary>
    public void Commit()
    {
        var writer = _writer ?? throw new ObjectDisposedException(nameof(CheckpointWriter));
        try
        {
            writer.Write("\n" + _end + "\n");
            writer.Flush();
            _file.Flush(true);
            writer.Dispose();
            _writer = null;

            // Replace is one rename on Unix and ReplaceFile on Windows: readers see the old or the new file.
            if (File.Exists(_path))
            {
                File.Replace(_temp, _path, null);
            }
            else
            {
                File.Move(_temp, _path);
            }
        }
        catch
        {
            Abandon();
            throw;
        }
    }

    public void Dispose() => Abandon();

    /// <summary>
    /// Closes and deletes the temp file. On a full disk closing fails too (the buffered tail
    /// cannot be written); that failure is not news and must not hide the first one, and the
    /// file must not stay on the full disk.
    /// </summary>
    private void Abandon()
    {
        var writer = _writer;
        _writer = null;
        if (writer is not null)
        {
            try
            {
                writer.Dispose();
            }
            catch (IOException)
            {
            }

            // Should the writer's close have failed before closing the file: the handle goes now,
            // or the deleted file would keep its blocks on the disk until the process ends.
            try
            {
                _file.Dispose();
            }
            catch (IOException)
            {
            }
        }

        CheckpointFiles.TryDelete(_temp);
    }
}
