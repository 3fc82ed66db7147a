using System;
using System.IO;
using System.Text;

namespace RingCentral.CallLog.Client.Export.Checkpoints;

/// <summary>
/// Writes the next checkpoint beside the current one, entry by entry as the run goes, and puts it
/// in place with one rename when the run has completed. Disposed without
/// <see cref="Commit"/>, it deletes what it wrote: the current file is never touched.
/// </summary>
internal sealed class CheckpointWriter : IDisposable
{
    private readonly string _path;
    private readonly string _temp;
    private readonly string _end;
    private StreamWriter? _writer;
    private long _lastStartMs = long.MaxValue;

    internal CheckpointWriter(string path, string header, string end)
    {
        _path = System.IO.Path.GetFullPath(path);
        _temp = _path + "." + Guid.NewGuid().ToString("N").Substring(0, 8) + ".tmp";
        _end = end;
        _writer = new StreamWriter(new FileStream(_temp, FileMode.CreateNew, FileAccess.Write), new UTF8Encoding(false));
        _writer.Write(header);
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

    /// <summary>Finishes the file, flushes it to disk and replaces the checkpoint with it.</summary>
    public void Commit()
    {
        var writer = _writer ?? throw new ObjectDisposedException(nameof(CheckpointWriter));
        writer.Write("\n" + _end + "\n");
        writer.Flush();
        ((FileStream)writer.BaseStream).Flush(true);
        writer.Dispose();
        _writer = null;
        try
        {
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
            File.Delete(_temp);
            throw;
        }
    }

    public void Dispose()
    {
        if (_writer is null)
        {
            return;
        }

        _writer.Dispose();
        _writer = null;
        File.Delete(_temp);
    }
}
