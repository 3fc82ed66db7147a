using System.Net;
using System.Net.Http;
using RingCentral.CallLog.Client;
using RingCentral.CallLog.Client.Api;
using RingCentral.CallLog.Client.Export.Content;
using RingCentral.CallLog.Client.Export.Messages;
using RingCentral.CallLog.Client.Http;
using RingCentral.CallLog.Tests.TestSupport;
using Xunit;

namespace RingCentral.CallLog.Tests.Client.Export.Messages;

/// <summary>Save-RcMessage's side of the adapter (a message's attachments as engine items, outcomes as rows) and Remove-RcMessage's DELETE.</summary>
public sealed class MessageRowsTests
{
    [Fact]
    public void Each_attachment_is_one_item_that_carries_the_message_its_call_and_its_content_address()
    {
        var message = new RcMessage
        {
            Id = "11",
            Type = "VoiceMail",
            Direction = "Inbound",
            CreationTime = new DateTimeOffset(2026, 11, 2, 9, 30, 0, TimeSpan.Zero),
            FromPhoneNumber = "+16505550100",
            ExtensionId = "62871631004",
            CallLogId = "Y3NFpZ6xTbBnUA",
            Attachments = new RcMessageAttachmentCollection(new[]
            {
                new RcMessageAttachment { MessageId = "11", Id = "12", Type = "AudioRecording", ContentType = "audio/mpeg", ContentUri = "https://media.example/a", VoicemailSeconds = 20 },
                new RcMessageAttachment { MessageId = "11", Id = "13", Type = "AudioTranscription", ContentType = "text/plain", ContentUri = "https://media.example/b" },
            }),
        };

        var items = MessageRows.ItemsOf(message).ToList();

        Assert.Equal(new[] { "12", "13" }, items.Select(i => i.AttachmentId));
        Assert.All(items, i => Assert.Equal(ContentIdentity.MessageAttachment("11", i.AttachmentId), i.Identity));
        Assert.All(items, i => Assert.Equal(("Y3NFpZ6xTbBnUA", "62871631004", "VoiceMail", true), (i.CallLogId, i.ExtensionId, i.Values.MessageType, i.Values.FromCallLogRecord)));
        Assert.Equal(("https://media.example/a", "audio/mpeg", "AudioRecording"), (items[0].ContentUri, items[0].ContentType, items[0].AttachmentType));
        Assert.Equal(message.CreationTime, items[1].Values.StartTime);
        Assert.Equal(RouteKeys.MessageContent, items[0].ContentRouteKey);

        var row = MessageRows.ToDownload(new ContentOutcome(items[1], "Downloaded") { CallLogId = "Y3NFpZ6xTbBnUA", Path = "/a/b.txt", Bytes = 5, Sha256 = "ab", ContentType = "text/plain", SidecarPath = "/a/b.txt.json" });
        Assert.Equal(("11", "13", "AudioTranscription", "Y3NFpZ6xTbBnUA", "/a/b.txt", 5L, "Downloaded"), (row.MessageId, row.AttachmentId, row.AttachmentType, row.CallLogId, row.Path, row.Bytes, row.Status));
    }

    [Theory]
    [InlineData(false, "")]
    [InlineData(true, "?purge=true")]
    public async Task A_delete_names_its_ids_and_purges_only_when_asked(bool purge, string query)
    {
        var handler = new FakeHandler((_, _) => new HttpResponseMessage(HttpStatusCode.NoContent));
        var core = new RcHttpCore(RcServer.Parse("https://platform.ringcentral.com"), new RcClientSettings { MaxRetryCount = 0 }, new FakeTokens(), handler);
        var api = new MessageApi(core, () => "1");

        await api.DeleteAsync("62871631004", new[] { "11", "14" }, purge, NullEvents.Instance, CancellationToken.None);

        var request = Assert.Single(handler.Requests);
        Assert.Equal(HttpMethod.Delete, request.Method);
        Assert.Equal("/restapi/v1.0/account/~/extension/62871631004/message-store/11,14" + query, request.RequestUri!.PathAndQuery);
    }

    [Fact]
    public async Task A_delete_never_goes_out_without_ids_or_with_more_than_one_request_holds()
    {
        var handler = new FakeHandler((_, _) => new HttpResponseMessage(HttpStatusCode.NoContent));
        var core = new RcHttpCore(RcServer.Parse("https://platform.ringcentral.com"), new RcClientSettings { MaxRetryCount = 0 }, new FakeTokens(), handler);
        var api = new MessageApi(core, () => "1");

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => api.DeleteAsync("~", Array.Empty<string>(), false, NullEvents.Instance, CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => api.DeleteAsync("~", Enumerable.Range(1, 51).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList(), false, NullEvents.Instance, CancellationToken.None));
        Assert.Empty(handler.Requests);
    }
}
