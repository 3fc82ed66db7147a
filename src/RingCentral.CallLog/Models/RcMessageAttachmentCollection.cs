using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;

namespace RingCentral.CallLog;

/// <summary>
/// The attachments of a message. A collection (so Select-Object -ExpandProperty Attachments works)
/// whose ToString is a readable summary ("AudioRecording audio/mpeg; AudioTranscription text/plain"),
/// so an Export-Csv cell never reads "System.Object[]".
/// </summary>
public sealed class RcMessageAttachmentCollection : ReadOnlyCollection<RcMessageAttachment>
{
    internal static readonly RcMessageAttachmentCollection Empty = new(Array.Empty<RcMessageAttachment>());

    internal RcMessageAttachmentCollection(IList<RcMessageAttachment> attachments)
        : base(attachments)
    {
    }

    public override string ToString() => string.Join("; ", this.Select(a => a.ToString()).Where(t => t.Length > 0));
}
