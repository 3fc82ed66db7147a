using RingCentral.CallLog.Client.Export.Content;
using RingCentral.CallLog.Client.Http;

namespace RingCentral.CallLog.Client.Export.Recordings;

/// <summary>
/// The recording adapter over the content engine: one recording to fetch, with whatever the input
/// already told about it, and how recordings name their files.
/// </summary>
internal sealed class RecordingTarget : ContentItem
{
    public const string DefaultRecordTemplate = "{StartTime:yyyyMMdd-HHmmss}_{Direction}_{RecordingId}";
    public const string DefaultIdTemplate = "{RecordingId}";

    /// <summary>Recordings' tokens, defaults and extensions (a recording is audio: .mp3, .wav, else .bin).</summary>
    public static readonly ContentNaming FileNaming = new(
        ContentKinds.Recording,
        "recording",
        new[] { "StartTime", "Direction", "FromPhoneNumber", "ToPhoneNumber", "CallLogId", "SessionId", "ExtensionId", "RecordingId" },
        DefaultRecordTemplate,
        DefaultIdTemplate,
        new[] { ".mp3", ".wav", MediaTypes.Unknown });

    public RecordingTarget(ContentNameValues values)
        : base(values)
    {
        Identity = ContentIdentity.Recording(values.RecordingId);
    }

    public string RecordingId => Values.RecordingId;

    public override ContentIdentity Identity { get; }

    public override ContentNaming Naming => FileNaming;

    public override string ContentRouteKey => RouteKeys.RecordingContent;
}
