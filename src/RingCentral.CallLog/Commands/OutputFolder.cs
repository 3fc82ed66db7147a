using System;
using System.IO;

namespace RingCentral.CallLog.Commands;

/// <summary>
/// The -Path folder of a cmdlet that writes files. It is made ready in the begin step, because the
/// next command of the pipeline may open a file in it before the first download
/// (Export-Csv (Join-Path $folder 'manifest.csv')), and proven writable once, so a place that cannot
/// be written is one error rather than one per item. A run that does not complete leaves no empty
/// folder of its own making behind.
/// </summary>
internal sealed class OutputFolder
{
    private string? _created;
    private bool _completed;

    /// <summary>A failure <see cref="Prepare"/> reports for the cmdlet to word: the place cannot be written.</summary>
    public static bool IsWriteFailure(Exception ex) => ex is IOException or UnauthorizedAccessException or NotSupportedException;

    /// <summary>
    /// Creates <paramref name="directory"/> when missing and proves it takes a file. On a
    /// <see cref="IsWriteFailure"/> exception a folder made here is removed again before it is thrown.
    /// </summary>
    public void Prepare(string directory)
    {
        try
        {
            if (!Directory.Exists(directory))
            {
                Directory.CreateDirectory(directory);
                _created = directory;
            }

            // Existing folders can still refuse files (read-only mount, permissions): find out now, once.
            var probe = Path.Combine(directory, ".rc-write-test-" + Guid.NewGuid().ToString("N"));
            using (new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose))
            {
            }
        }
        catch (Exception ex) when (IsWriteFailure(ex))
        {
            RemoveIfUnused();
            throw;
        }
    }

    /// <summary>The run completed: the folder stays, even if it is empty.</summary>
    public void Complete() => _completed = true;

    /// <summary>Removes the folder made here when the run did not complete and nothing was written to it.</summary>
    public void RemoveIfUnused()
    {
        if (_created is null || _completed)
        {
            return;
        }

        try
        {
            if (Directory.Exists(_created) && Directory.GetFileSystemEntries(_created).Length == 0)
            {
                Directory.Delete(_created);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Best effort: a folder we cannot remove is only untidy.
        }

        _created = null;
    }
}
