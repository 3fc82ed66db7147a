using RingCentral.CallLog.Client.Export.Content;
using RingCentral.CallLog.Client.Http;

namespace RingCentral.CallLog.Client.Export.Messages;

/// <summary>
/// The export-archive adapter over the content engine: one zip of a message store export task,
/// downloaded like any content item (streamed, SHA-256, size proven, .partial until complete, paced
/// in the Heavy group) and then unpacked by <see cref="MessageStoreLayout"/>.
/// </summary>
internal sealed class MessageStoreArchiveItem : ContentItem
{
    public static readonly ContentNaming FileNaming = new(
        ContentKinds.MessageStoreArchive,
        "message store export archive",
        System.Array.Empty<string>(),
        string.Empty,
        string.Empty,
        new[] { MediaTypes.Zip });

    public MessageStoreArchiveItem(string taskId, int number)
        : base(new ContentNameValues())
    {
        Identity = ContentIdentity.MessageStoreArchive(taskId, number.ToString(System.Globalization.CultureInfo.InvariantCulture));
        ContentType = "application/zip";
    }

    public override ContentIdentity Identity { get; }

    public override ContentNaming Naming => FileNaming;

    /// <summary>readMessageStoreReportArchive is Heavy.</summary>
    public override string ContentRouteKey => RouteKeys.MessageStoreExport;
}
