using System;
using System.IO;
using System.Runtime.InteropServices;

namespace RingCentral.CallLog.Client.Export.Content;

/// <summary>
/// The rules every file a download writes obeys: never through a symbolic link (or another reparse
/// point) someone planted in the folder, a new file is created, never opened if it exists, and a
/// full disk is told apart from other write failures.
/// </summary>
internal static class ContentFileGuard
{
    /// <summary>What a download run does after a full disk, and what the user does next.</summary>
    public const string DownloadFullDiskNextStep = "Nothing more is downloaded into this folder in this run; free some space and run again (the part received is kept and resumed).";

    /// <summary>True when <paramref name="path"/> itself (not what it points to) is a link or reparse point, dangling or not.</summary>
    public static bool IsLink(string path)
    {
        try
        {
            // The attributes are the entry's own (lstat on Unix): a link reads as ReparsePoint.
            var info = new FileInfo(path);
            return (int)info.Attributes != -1 && (info.Attributes & FileAttributes.ReparsePoint) != 0;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>Refuses to go on when any of <paramref name="paths"/> is a link: writing there would change a file elsewhere.</summary>
    /// <exception cref="ContentFileException">One of them is a link.</exception>
    public static void RefuseLinks(params string[] paths)
    {
        foreach (var path in paths)
        {
            if (IsLink(path))
            {
                throw new ContentFileException($"'{path}' is a symbolic link (or another reparse point); nothing is ever downloaded through a link, so this item is not downloaded. Remove the link and run again.");
            }
        }
    }

    /// <summary>
    /// Opens <paramref name="path"/> as a new, empty file. Whatever lies there is removed first (a
    /// link is removed itself, never followed), and CreateNew fails rather than open a file (or a
    /// link) that appeared in between: nothing outside the folder is ever written.
    /// </summary>
    public static FileStream CreateNew(string path, FileShare share, bool useAsync)
    {
        if (File.Exists(path) || IsLink(path))
        {
            File.Delete(path);
        }

        // Buffer size 1: the callers buffer themselves, so every write error (a full disk) surfaces at the
        // write that caused it, never later in Dispose, where it would replace the error being thrown.
        return new FileStream(path, FileMode.CreateNew, FileAccess.Write, share, 1, useAsync);
    }

    /// <summary>Opens an existing file to append to it, refusing a link.</summary>
    public static FileStream OpenExisting(string path, FileShare share, bool useAsync)
    {
        RefuseLinks(path);
        return new FileStream(path, FileMode.Open, FileAccess.Write, share, 1, useAsync);
    }

    /// <summary>True when the write failed because the disk (or the user's quota) is full.</summary>
    public static bool IsDiskFull(Exception? ex)
    {
        for (; ex is not null; ex = ex.InnerException)
        {
            if (ex is not IOException io)
            {
                continue;
            }

            var code = io.HResult & 0xFFFF;
            var full = RuntimeInformation.IsOSPlatform(OSPlatform.Windows)
                ? code is 112 or 39 // ERROR_DISK_FULL, ERROR_HANDLE_DISK_FULL
                : io.HResult is 28 or 122 || (RuntimeInformation.IsOSPlatform(OSPlatform.OSX) && io.HResult == 69); // ENOSPC; EDQUOT (Linux 122, macOS 69)
            if (full)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The error for a local file that could not be written, saying so plainly when the disk is full.</summary>
    /// <param name="path">The file.</param>
    /// <param name="ex">What writing it threw.</param>
    /// <param name="fullDiskNextStep">For a full disk, what the run does now and what the user does next (a download's, unless the caller's differs).</param>
    public static ContentFileException WriteFailed(string path, Exception ex, string fullDiskNextStep = DownloadFullDiskNextStep) => IsDiskFull(ex)
        ? new ContentFileException($"Cannot write '{path}': the disk is full ({ex.GetBaseException().Message}). {fullDiskNextStep}", ex) { DiskFull = true }
        : ex as ContentFileException ?? new ContentFileException($"Cannot write '{path}': {ex.Message}", ex);

    /// <summary>Removes a file if it can (a missing one is fine): a cleanup never replaces the error that made it needed.</summary>
    public static void DeleteQuietly(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
        }
    }
}
