using System;
using System.Management.Automation;

namespace RingCentral.CallLog.Commands;

/// <summary>
/// Lets -Recording take the rows of a manifest read back with Import-Csv as well as the
/// RecordingDownload objects of Save-RcRecording -PassThru: any object with RecordingId and Path.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
internal sealed class RecordingDownloadTransformationAttribute : ArgumentTransformationAttribute
{
    public override object Transform(EngineIntrinsics engineIntrinsics, object inputData) => TransformedRows.Each(inputData, Convert);

    private static RecordingDownload Convert(object? item)
    {
        var value = item is PSObject wrapped ? wrapped.BaseObject : item;
        if (value is RecordingDownload download)
        {
            return download;
        }

        var shape = item is null ? null : PSObject.AsPSObject(item);
        var recordingId = RecordingInput.PropertyText(shape, "RecordingId");
        if (recordingId is null)
        {
            throw new ArgumentTransformationMetadataException("-Recording takes RecordingDownload objects (Save-RcRecording -PassThru) or manifest rows with RecordingId and Path; this item has no RecordingId.");
        }

        return new RecordingDownload
        {
            RecordingId = recordingId,
            CallLogId = RecordingInput.PropertyText(shape, "CallLogId"),
            Path = RecordingInput.PropertyText(shape, "Path"),
            ContentType = RecordingInput.PropertyText(shape, "ContentType"),
            Status = RecordingInput.PropertyText(shape, "Status") ?? string.Empty,
        };
    }
}
