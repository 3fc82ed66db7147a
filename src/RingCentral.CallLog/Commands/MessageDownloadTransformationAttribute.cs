using System;
using System.Management.Automation;

namespace RingCentral.CallLog.Commands;

/// <summary>
/// Lets -Message take the rows of a Save-RcMessage manifest read back with Import-Csv as well as the
/// MessageDownload objects of Save-RcMessage -PassThru: any object with MessageId, AttachmentId and Path.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
internal sealed class MessageDownloadTransformationAttribute : ArgumentTransformationAttribute
{
    public override object Transform(EngineIntrinsics engineIntrinsics, object inputData) => TransformedRows.Each(inputData, Convert);

    private static MessageDownload Convert(object? item)
    {
        var value = item is PSObject wrapped ? wrapped.BaseObject : item;
        if (value is MessageDownload download)
        {
            return download;
        }

        var shape = item is null ? null : PSObject.AsPSObject(item);
        var messageId = RecordingInput.PropertyText(shape, "MessageId");
        var attachmentId = RecordingInput.PropertyText(shape, "AttachmentId");
        if (messageId is null || attachmentId is null)
        {
            throw new ArgumentTransformationMetadataException("-Message takes MessageDownload objects (Save-RcMessage -PassThru) or manifest rows with MessageId, AttachmentId and Path; this item has no " + (messageId is null ? "MessageId." : "AttachmentId."));
        }

        return new MessageDownload
        {
            MessageId = messageId,
            AttachmentId = attachmentId,
            AttachmentType = RecordingInput.PropertyText(shape, "AttachmentType"),
            CallLogId = RecordingInput.PropertyText(shape, "CallLogId"),
            Path = RecordingInput.PropertyText(shape, "Path"),
            ContentType = RecordingInput.PropertyText(shape, "ContentType"),
            Status = RecordingInput.PropertyText(shape, "Status") ?? string.Empty,
        };
    }
}
