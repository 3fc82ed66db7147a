using System;
using System.IO;
using System.Linq;

namespace RingCentral.CallLog.Client.Export.Recordings;

/// <summary>
/// What lies on disk at one base path, judged for one recording: nothing, this recording's
/// complete file, this recording's .partial, or files of another recording. A file is this
/// recording's only when its sidecar says so or, without a sidecar, when its name carries the
/// recording id; anything else is never skipped, resumed or overwritten for it.
/// </summary>
internal sealed class RecordingSlot
{
    private RecordingSlot(string basePath, RecordingSlotState state, string? final, RecordingSidecar? sidecar, string? partial)
    {
        BasePath = basePath;
        State = state;
        Final = final;
        Sidecar = sidecar;
        Partial = partial;
    }

    public string BasePath { get; }

    public RecordingSlotState State { get; }

    /// <summary>This recording's complete file (State Complete).</summary>
    public string? Final { get; }

    /// <summary>The sidecar of <see cref="Final"/>, when there is one.</summary>
    public RecordingSidecar? Sidecar { get; }

    /// <summary>This recording's .partial (State Partial).</summary>
    public string? Partial { get; }

    public static RecordingSlot Inspect(string basePath, string recordingId)
    {
        foreach (var final in RecordingFileNamer.KnownExtensions.Select(e => basePath + e).Where(File.Exists))
        {
            var sidecar = RecordingSidecar.TryRead(RecordingSidecar.PathFor(final));
            var ours = sidecar is not null ? sidecar.RecordingId == recordingId : NameCarries(final, recordingId);
            return ours
                ? new RecordingSlot(basePath, RecordingSlotState.Complete, final, sidecar, null)
                : new RecordingSlot(basePath, RecordingSlotState.Foreign, final, sidecar, null);
        }

        foreach (var partial in RecordingFileNamer.KnownExtensions.Select(e => basePath + e + RecordingContentDownload.PartialSuffix).Where(File.Exists))
        {
            var state = RecordingSidecar.TryRead(RecordingSidecar.PathFor(partial));
            var ours = state is not null ? state.RecordingId == recordingId : NameCarries(partial, recordingId);
            return new RecordingSlot(basePath, ours ? RecordingSlotState.Partial : RecordingSlotState.Foreign, null, state, partial);
        }

        return new RecordingSlot(basePath, RecordingSlotState.Free, null, null, null);
    }

    /// <summary>True when the file name holds the id as a whole word (not inside a longer run of letters and digits).</summary>
    public static bool NameCarries(string path, string recordingId)
    {
        var name = Path.GetFileName(path);
        for (var at = name.IndexOf(recordingId, StringComparison.Ordinal); at >= 0; at = name.IndexOf(recordingId, at + 1, StringComparison.Ordinal))
        {
            var end = at + recordingId.Length;
            var before = at == 0 || !char.IsLetterOrDigit(name[at - 1]);
            var after = end == name.Length || !char.IsLetterOrDigit(name[end]);
            if (before && after)
            {
                return true;
            }
        }

        return false;
    }
}
