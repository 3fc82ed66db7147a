using System.Globalization;

namespace RingCentral.Simulator.Json;

/// <summary>Where URIs in written JSON point: the platform base, the media base and the account.</summary>
internal sealed record UriContext(string PlatformBase, string MediaBase, string AccountId)
{
    public string AccountPath => PlatformBase + "/restapi/v1.0/account/" + AccountId;
    public string RecordingUri(long id) => AccountPath + "/recording/" + id.ToString(CultureInfo.InvariantCulture);
    public string MessageUri(string extensionId, long id) => AccountPath + "/extension/" + extensionId + "/message-store/" + id.ToString(CultureInfo.InvariantCulture);
    public string MessageContentUri(string extensionId, long id, long attachmentId)
        => MediaBase + "/restapi/v1.0/account/" + AccountId + "/extension/" + extensionId + "/message-store/" + id.ToString(CultureInfo.InvariantCulture)
            + "/content/" + attachmentId.ToString(CultureInfo.InvariantCulture);
    public string ContentUri(long id) => MediaBase + "/restapi/v1.0/account/" + AccountId + "/recording/" + id.ToString(CultureInfo.InvariantCulture) + "/content";
}
