using System;
using System.IO;
using System.Linq;

namespace RingCentral.CallLog.Client.Export.Content;

/// <summary>
/// What lies on disk at one base path, judged for one content item: nothing, this item's complete
/// file, this item's .partial, or files of another item. A file is this item's only when its
/// sidecar says so (the same kind and ids) or, without a sidecar, when its name carries every id of
/// the item as a whole word; anything else is never skipped, resumed or overwritten for it.
/// </summary>
internal sealed class ContentSlot
{
    private ContentSlot(string basePath, ContentSlotState state, string? final, ContentSidecar? sidecar, string? partial)
    {
        BasePath = basePath;
        State = state;
        Final = final;
        Sidecar = sidecar;
        Partial = partial;
    }

    public string BasePath { get; }

    public ContentSlotState State { get; }

    /// <summary>This item's complete file (State Complete).</summary>
    public string? Final { get; }

    /// <summary>The sidecar of <see cref="Final"/>, when there is one.</summary>
    public ContentSidecar? Sidecar { get; }

    /// <summary>This item's .partial (State Partial).</summary>
    public string? Partial { get; }

    /// <param name="basePath">The base path (no extension).</param>
    /// <param name="item">Whose files are looked for.</param>
    /// <param name="naming">The item's kind: the extensions its files may have.</param>
    public static ContentSlot Inspect(string basePath, ContentIdentity item, ContentNaming naming)
    {
        foreach (var final in naming.Extensions.Select(e => basePath + e).Where(File.Exists))
        {
            var sidecar = ContentSidecar.TryRead(ContentSidecar.PathFor(final));
            var ours = sidecar is not null ? sidecar.Identity.Equals(item) : NameCarries(final, item);
            return ours
                ? new ContentSlot(basePath, ContentSlotState.Complete, final, sidecar, null)
                : new ContentSlot(basePath, ContentSlotState.Foreign, final, sidecar, null);
        }

        foreach (var partial in naming.Extensions.Select(e => basePath + e + ContentDownload.PartialSuffix).Where(File.Exists))
        {
            var state = ContentSidecar.TryRead(ContentSidecar.PathFor(partial));
            var ours = state is not null ? state.Identity.Equals(item) : NameCarries(partial, item);
            return new ContentSlot(basePath, ours ? ContentSlotState.Partial : ContentSlotState.Foreign, null, state, partial);
        }

        return new ContentSlot(basePath, ContentSlotState.Free, null, null, null);
    }

    /// <summary>True when the file name holds every id of the item as a whole word.</summary>
    public static bool NameCarries(string path, ContentIdentity item) => item.NameIds.All(id => NameCarries(path, id));

    /// <summary>True when the file name holds the id as a whole word (not inside a longer run of letters and digits).</summary>
    public static bool NameCarries(string path, string id)
    {
        var name = Path.GetFileName(path);
        for (var at = name.IndexOf(id, StringComparison.Ordinal); at >= 0; at = name.IndexOf(id, at + 1, StringComparison.Ordinal))
        {
            var end = at + id.Length;
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
