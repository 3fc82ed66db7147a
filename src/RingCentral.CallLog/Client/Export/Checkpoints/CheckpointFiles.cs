using System;
using System.IO;
using System.Text.RegularExpressions;

namespace RingCentral.CallLog.Client.Export.Checkpoints;

/// <summary>
/// The files beside a checkpoint <c>cp.json</c>: <c>cp.json.pending</c> (the state a run left,
/// promoted by Complete-RcCheckpoint), <c>cp.json.lock</c> (one run at a time) and the temp files
/// a run writes before a rename (<c>cp.json.pending.&lt;8 hex&gt;.tmp</c>; <c>cp.json.&lt;8 hex&gt;.tmp</c>
/// from versions that renamed straight onto the checkpoint).
/// </summary>
internal static class CheckpointFiles
{
    public static string Pending(string checkpoint) => checkpoint + ".pending";

    public static string Lock(string checkpoint) => checkpoint + ".lock";

    /// <summary>A fresh temp name for <paramref name="destination"/>, in the same folder (so the rename is atomic).</summary>
    public static string NewTemp(string destination) => destination + "." + Guid.NewGuid().ToString("N").Substring(0, 8) + ".tmp";

    /// <summary>
    /// Deletes the temp files runs of this checkpoint left when they were killed. Called only while
    /// holding the checkpoint's lock: no live run can be writing one then. Never throws: a file
    /// that cannot be deleted now is tried again by the next run.
    /// </summary>
    /// <returns>How many were deleted.</returns>
    public static int RemoveStaleTemps(string checkpoint)
    {
        var folder = Path.GetDirectoryName(checkpoint);
        var name = Path.GetFileName(checkpoint);
        if (string.IsNullOrEmpty(folder) || !Directory.Exists(folder))
        {
            return 0;
        }

        var pattern = new Regex("^" + Regex.Escape(name) + @"(\.pending)?\.[0-9a-f]{8}\.tmp$", RegexOptions.CultureInvariant);
        var removed = 0;
        try
        {
            foreach (var file in Directory.EnumerateFiles(folder, name + ".*.tmp"))
            {
                if (pattern.IsMatch(Path.GetFileName(file)) && TryDelete(file))
                {
                    removed++;
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The folder could not be listed: nothing is lost by trying again next run.
        }

        return removed;
    }

    /// <summary>Deletes a file of ours; false (never an exception) when it could not be deleted.</summary>
    public static bool TryDelete(string path)
    {
        try
        {
            File.Delete(path);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
