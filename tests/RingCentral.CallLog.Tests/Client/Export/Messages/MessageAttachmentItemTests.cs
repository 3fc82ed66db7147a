using RingCentral.CallLog.Client;
using RingCentral.CallLog.Client.Export.Content;
using RingCentral.CallLog.Client.Export.Messages;
using RingCentral.CallLog.Client.Export.Recordings;
using RingCentral.CallLog.Client.Http;
using RingCentral.CallLog.Tests.TestSupport;
using Xunit;

namespace RingCentral.CallLog.Tests.Client.Export.Messages;

/// <summary>The message-attachment adapter: its names, its tokens, its content address and its rate-limit group.</summary>
public sealed class MessageAttachmentItemTests
{
    private static readonly string s_dir = Path.Combine(Path.GetTempPath(), "msg-names");

    private static ContentNameValues Voicemail(bool rich = true) => new()
    {
        MessageId = "1203000004",
        AttachmentId = "1203000005",
        AttachmentType = "AudioRecording",
        StartTime = new DateTimeOffset(2026, 11, 2, 9, 30, 0, TimeSpan.Zero),
        Direction = "Inbound",
        FromCallLogRecord = rich,
    };

    [Fact]
    public void The_default_names_carry_the_message_id_and_the_attachment_id()
    {
        var namer = new ContentFileNamer(s_dir, null, MessageAttachmentItem.FileNaming);
        Assert.Equal("20261102-093000_Inbound_1203000004_1203000005", Path.GetFileName(namer.ReserveBasePath(Voicemail())));
        Assert.Equal("1203000004_1203000005", Path.GetFileName(namer.ReserveBasePath(Voicemail(rich: false))));
    }

    [Fact]
    public void Two_attachments_of_one_message_never_share_a_name_even_with_a_template_without_ids()
    {
        var namer = new ContentFileNamer(s_dir, "{Direction}_{AttachmentType}", MessageAttachmentItem.FileNaming);
        var audio = namer.ReserveBasePath(Voicemail());
        var text = Voicemail();
        text.AttachmentId = "1203000006";
        text.AttachmentType = "AudioRecording";
        Assert.Equal("Inbound_AudioRecording", Path.GetFileName(audio));
        Assert.Equal("Inbound_AudioRecording_1203000004_1203000006", Path.GetFileName(namer.ReserveBasePath(text)));
    }

    [Fact]
    public void Each_kind_refuses_the_others_id_token_naming_FileNameTemplate()
    {
        var ex = Assert.Throws<ArgumentException>(() => new ContentFileNamer(s_dir, "{RecordingId}", MessageAttachmentItem.FileNaming));
        Assert.Equal("FileNameTemplate", ex.ParamName);
        Assert.Contains("{MessageId}", ex.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new ContentFileNamer(s_dir, "{MessageId}", RecordingTarget.FileNaming));
    }

    [Theory]
    [InlineData("application/pdf", ".pdf")]
    [InlineData("image/tiff", ".tif")]
    [InlineData("text/plain; charset=utf-8", ".txt")]
    [InlineData("audio/x-wav", ".wav")]
    [InlineData("audio/mpeg", ".mp3")]
    [InlineData("application/zip", ".bin")]
    public void A_fax_a_transcription_and_audio_get_their_extensions_while_a_recording_stays_audio(string contentType, string extension)
    {
        Assert.Equal(extension, MessageAttachmentItem.FileNaming.ExtensionFor(contentType));
        Assert.Equal(extension is ".mp3" or ".wav" ? extension : ".bin", RecordingTarget.FileNaming.ExtensionFor(contentType));
    }

    [Fact]
    public async Task The_content_address_is_the_attachments_own_uri_and_none_is_ResponseInvalid_without_a_request()
    {
        var item = new MessageAttachmentItem(Voicemail()) { ContentUri = "https://media.example/restapi/v1.0/account/1/extension/2/message-store/1203000004/content/1203000005" };
        var source = new MessageAttachmentSource();
        Assert.Equal(item.ContentUri, (await source.ContentUriAsync(item, NullEvents.Instance, CancellationToken.None)).ToString());

        var none = new MessageAttachmentItem(Voicemail());
        var ex = await Assert.ThrowsAsync<RcApiException>(() => source.ContentUriAsync(none, NullEvents.Instance, CancellationToken.None));
        Assert.Equal(RcErrorKind.ResponseInvalid, ex.Kind);
        Assert.Contains("essage 1203000004 attachment 1203000005 has no usable content uri", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Its_content_is_paced_in_the_Medium_group_a_recordings_in_Heavy()
    {
        var pacer = new RateLimitPacer();
        Assert.Equal("medium", pacer.GroupOf(new MessageAttachmentItem(Voicemail()).ContentRouteKey));
        Assert.Equal("heavy", pacer.GroupOf(new RecordingTarget(new ContentNameValues { RecordingId = "1" }).ContentRouteKey));
    }
}
