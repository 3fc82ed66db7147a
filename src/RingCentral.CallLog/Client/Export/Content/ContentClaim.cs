using System;
using System.IO;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;

namespace RingCentral.CallLog.Client.Export.Content;

/// <summary>
/// One run's exclusive right to download one content item into one folder: "&lt;base path&gt;.lock",
/// opened with FileShare.None (a share lock on Windows, flock on Unix) for the whole download and
/// deleted when it ends. The operating system drops the lock when its process dies (kill -9, power
/// loss), so a lock file left behind is simply taken over by the next run. A second run that meets a
/// held claim waits for it, then looks at the folder again: it finds the file complete (Skipped) or
/// the .partial the other run left, which it resumes. The claim is by base path, so it holds across
/// kinds: a recording and a message attachment never share one.
/// </summary>
internal sealed class ContentClaim : IDisposable
{
    public const string Suffix = ".lock";

    private static readonly TimeSpan s_poll = TimeSpan.FromMilliseconds(200);

    private readonly FileStream _file;

    private ContentClaim(FileStream file) => _file = file;

    /// <summary>Takes the claim, waiting while another run (or another process) holds it.</summary>
    /// <param name="basePath">The item's base path (no extension).</param>
    /// <param name="waiting">Called once when the claim is held elsewhere and this run starts to wait.</param>
    /// <param name="cancellationToken">Ctrl+C.</param>
    public static async Task<ContentClaim> AcquireAsync(string basePath, Action waiting, CancellationToken cancellationToken)
    {
        var told = false;
        while (true)
        {
            if (TryAcquire(basePath) is { } claim)
            {
                return claim;
            }

            if (!told)
            {
                told = true;
                waiting();
            }

            await Task.Delay(s_poll, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>What a run says when it starts to wait for another run's claim on <paramref name="identity"/>.</summary>
    public static string WaitingFor(ContentIdentity identity) => $"{identity.Capitalized()}: another run is saving it into this folder; waiting for it.";

    /// <summary>The claim, or null while another holder has it.</summary>
    /// <exception cref="ContentFileException">The lock file cannot be made (a link, no permission, a full disk).</exception>
    public static ContentClaim? TryAcquire(string basePath)
    {
        var path = basePath + Suffix;
        while (true)
        {
            ContentFileGuard.RefuseLinks(path);
            FileStream file;
            try
            {
                file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
            }
            catch (IOException ex) when (IsHeldElsewhere(ex))
            {
                return null;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw ContentFileGuard.WriteFailed(path, ex);
            }

            if (File.Exists(path))
            {
                return new ContentClaim(file);
            }

            // The holder deleted the file between our open and our lock (Unix): the lock is on a name
            // nobody else can open any more; take the claim again under a fresh file.
            file.Dispose();
        }
    }

    /// <summary>Ends the claim: the lock file is deleted and the lock released.</summary>
    public void Dispose() => _file.Dispose();

    private static bool IsHeldElsewhere(IOException ex)
    {
        if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
        {
            return (ex.HResult & 0xFFFF) is 32 or 33; // ERROR_SHARING_VIOLATION, ERROR_LOCK_VIOLATION
        }

        // flock refused: EWOULDBLOCK (11 on Linux, 35 on macOS and the BSDs).
        return ex.HResult is 11 or 35;
    }
}
