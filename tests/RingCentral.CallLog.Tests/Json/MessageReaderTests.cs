using System.Globalization;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using RingCentral.CallLog.Client.Api;
using RingCentral.CallLog.Json;
using RingCentral.CallLog.Tests.Json.Schema;
using RingCentral.CallLog.Tests.TestSupport;
using Xunit;

namespace RingCentral.CallLog.Tests.Json;

/// <summary>
/// The message-store reader (list pages and single records) against RingCentral's published
/// schema and real samples: every property the schema allows, unknown members in every object,
/// ids as numbers, and bodies that stream in at odd read sizes.
/// </summary>
public sealed class MessageReaderTests
{
    private static readonly JsonObject s_components = JsonNode.Parse(File.ReadAllText(Fixtures.OpenApiFile))!["components"]!["schemas"]!.AsObject();

    public static TheoryData<int> ReadSizes()
    {
        var data = new TheoryData<int>();
        foreach (var size in ReadPlan.Sizes)
        {
            data.Add(size);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ReadSizes))]
    public async Task A_page_of_complete_messages_reads_every_value_the_schema_allows_at_any_read_size(int readSize)
    {
        var records = Enumerable.Range(0, 30).Select(CompleteMessage).ToList();
        var page = new JsonObject
        {
            ["uri"] = "https://platform.ringcentral.com/restapi/v1.0/account/1/extension/62871631004/message-store?page=1",
            ["records"] = new JsonArray(records.Select(r => (JsonNode)r.DeepClone()).ToArray()),
            ["paging"] = new JsonObject { ["page"] = 1, ["perPage"] = 30, ["unknownPaging"] = "x" },
            ["navigation"] = new JsonObject { ["nextPage"] = new JsonObject { ["uri"] = "https://platform.ringcentral.com/restapi/v1.0/account/1/extension/62871631004/message-store?page=2&perPage=30" } },
            ["unknownTop"] = new JsonObject { ["deep"] = new JsonArray(1, "two", new JsonObject()) },
        };

        var result = await MessageApi.ReadPageAsync(Response(page.ToJsonString(), readSize), "62871631004", CancellationToken.None);

        Assert.Equal(new Uri("https://platform.ringcentral.com/restapi/v1.0/account/1/extension/62871631004/message-store?page=2&perPage=30"), result.NextPage);
        Assert.Equal(records.Count, result.Messages.Count);
        for (var i = 0; i < records.Count; i++)
        {
            AssertMapped(records[i], result.Messages[i]);
        }
    }

    [Fact]
    public void The_generated_message_holds_every_property_of_the_schemas_message_and_attachment()
    {
        var message = CompleteMessage(0);
        Assert.All(Properties("GetMessageInfoResponse"), name => Assert.True(message.ContainsKey(name), name));
        var attachment = message["attachments"]![0]!.AsObject();
        Assert.All(Properties("MessageAttachmentInfo"), name => Assert.True(attachment.ContainsKey(name), name));
        Assert.All(Properties("MessageStoreCallerInfoResponseTo"), name => Assert.True(message["to"]![0]!.AsObject().ContainsKey(name), name));
    }

    [Fact]
    public void A_single_GET_answer_with_vmSideRecipients_reads_as_the_message()
    {
        var message = CompleteMessage(3);
        Assert.Contains("vmSideRecipients", s_components["GetSingleMessageInfoResponse"]!.ToJsonString(), StringComparison.Ordinal);
        message["vmSideRecipients"] = new JsonArray(new JsonObject { ["phoneNumber"] = "+16505550199", ["name"] = "Side" });
        var dto = JsonSerializer.Deserialize(message.ToJsonString(), WireJsonContext.Default.MessageDto)!;
        AssertMapped(message, ModelMapper.ToMessage(dto, "~"));
    }

    [Fact]
    public void Ids_sent_as_numbers_or_strings_are_the_same_string()
    {
        var asNumber = Read("""{"id":401678422008,"attachments":[{"id":1,"size":"2048","vmDuration":"25"}],"faxPageCount":"3"}""");
        var asString = Read("""{"id":"401678422008","attachments":[{"id":"1","size":2048,"vmDuration":25}],"faxPageCount":3}""");
        foreach (var message in new[] { asNumber, asString })
        {
            Assert.Equal("401678422008", message.Id);
            Assert.Equal("1", message.Attachments.Single().Id);
            Assert.Equal("401678422008", message.Attachments.Single().MessageId);
            Assert.Equal(2048L, message.Attachments.Single().Size);
            Assert.Equal(25, message.VoicemailSeconds);
            Assert.Equal(3, message.FaxPageCount);
        }
    }

    [Fact]
    public void Odd_shapes_are_read_leniently_and_never_fail_the_record()
    {
        var message = Read("""
            {"id":7,"type":"FutureKind","direction":"Sideways","to":{"phoneNumber":"+16505550100","name":"Lone"},
             "from":["not","an","object"],"attachments":[null,5,"x",{"id":2,"type":"NewType","contentType":"x/y","unknown":{"a":[1]}}],
             "faxResolution":{"dpi":300},"readStatus":null,"creationTime":"not a time"}
            """);
        Assert.Equal("FutureKind", message.Type);
        Assert.Equal("Sideways", message.Direction);
        Assert.Equal("+16505550100", message.ToPhoneNumber);
        Assert.Equal("Lone", message.ToName);
        Assert.Null(message.FromPhoneNumber);
        Assert.Equal("NewType x/y", message.Attachments.ToString());
        Assert.Null(message.FaxResolution);
        Assert.Null(message.CreationTime);
    }

    [Fact]
    public void Several_recipients_join_in_RingCentrals_order_and_a_recipient_without_a_value_is_left_out()
    {
        var message = Read("""
            {"id":1,"to":[{"phoneNumber":"+16505550100","name":"Ann"},{"extensionNumber":"101"},{"phoneNumber":" ","name":"Bob"},{"name":""}]}
            """);
        Assert.Equal("+16505550100; 101", message.ToPhoneNumber);
        Assert.Equal("Ann; Bob", message.ToName);
    }

    [Fact]
    public void Attachments_read_as_type_and_media_type_in_a_CSV_cell()
    {
        var message = Read("""
            {"id":1,"type":"VoiceMail","attachments":[
              {"id":11,"type":"AudioRecording","contentType":"audio/mpeg","vmDuration":42,"uri":"https://media.ringcentral.com/restapi/v1.0/account/1/extension/2/message-store/1/content/11","fileName":"vm.mp3","size":5000},
              {"id":12,"type":"AudioTranscription","contentType":"text/plain"}]}
            """);
        Assert.Equal("AudioRecording audio/mpeg; AudioTranscription text/plain", message.Attachments.ToString());
        Assert.Equal(2, message.AttachmentCount);
        Assert.Equal(42, message.VoicemailSeconds);
        var audio = message.Attachments[0];
        Assert.Equal(("11", "AudioRecording", "audio/mpeg", "vm.mp3", 5000L), (audio.Id, audio.Type, audio.ContentType, audio.FileName, audio.Size));
        Assert.Equal("https://media.ringcentral.com/restapi/v1.0/account/1/extension/2/message-store/1/content/11", audio.ContentUri);

        // Export-Csv writes each property's string: the collection must never read as a type name.
        var row = string.Join(",", typeof(RcMessage).GetProperties().Select(p => Convert.ToString(p.GetValue(message), CultureInfo.InvariantCulture)));
        Assert.DoesNotContain("System.", row, StringComparison.Ordinal);
        Assert.DoesNotContain("RingCentral.CallLog", row, StringComparison.Ordinal);
    }

    [Fact]
    public void RcMessage_declares_its_properties_in_reading_order()
    {
        var expected = new[]
        {
            "Id", "Type", "Direction", "CreationTime", "LastModifiedTime", "ExtensionId", "FromPhoneNumber", "FromName",
            "ToPhoneNumber", "ToName", "Subject", "ReadStatus", "Availability", "MessageStatus", "VoicemailSeconds",
            "TranscriptionStatus", "FaxPageCount", "FaxResolution", "AttachmentCount", "Attachments", "CallLogId", "Uri",
        };
        Assert.Equal(expected, typeof(RcMessage).GetProperties().Select(p => p.Name));
    }

    [Fact]
    public async Task A_page_without_records_is_an_error_not_an_empty_last_page()
    {
        var ex = await Assert.ThrowsAsync<RingCentral.CallLog.Client.RcApiException>(() => MessageApi.ReadPageAsync(Response("""{"navigation":{},"paging":{}}""", 7), "~", CancellationToken.None));
        Assert.Equal(RingCentral.CallLog.Client.RcErrorKind.ResponseInvalid, ex.Kind);
    }

    [Fact]
    public void The_mailbox_is_the_records_extensionId_else_the_one_in_its_uri_else_the_one_asked()
    {
        Assert.Equal("5", ModelMapper.ToMessage(Dto("""{"id":1,"extensionId":"5","uri":"https://p/restapi/v1.0/account/1/extension/6/message-store/1"}"""), "7").ExtensionId);
        Assert.Equal("6", ModelMapper.ToMessage(Dto("""{"id":1,"uri":"https://p/restapi/v1.0/account/1/extension/6/message-store/1"}"""), "7").ExtensionId);
        Assert.Equal("7", ModelMapper.ToMessage(Dto("""{"id":1}"""), "7").ExtensionId);
        Assert.Null(ModelMapper.ToMessage(Dto("""{"id":1}"""), "~").ExtensionId);
    }

    internal static HttpResponseMessage Response(string body, int readSize, string contentType = "application/json") =>
        ChunkedReadStream.Response(ReadPlan.Of(readSize).Open(Encoding.UTF8.GetBytes(body)), contentType);

    private static RcMessage Read(string json) => ModelMapper.ToMessage(Dto(json), "~");

    private static MessageDto Dto(string json) => JsonSerializer.Deserialize(json, WireJsonContext.Default.MessageDto)!;

    private static IEnumerable<string> Properties(string component) => s_components[component]!["properties"]!.AsObject().Select(p => p.Key);

    /// <summary>
    /// A message with every property the schema's GetMessageInfoResponse defines (values of the
    /// declared type: an enum's value, a number for an int64, nested objects in full), two
    /// recipients and three attachments, and an unknown member in every object.
    /// </summary>
    internal static JsonObject CompleteMessage(int n)
    {
        var message = (JsonObject)Generate(s_components["GetMessageInfoResponse"]!, n, depth: 0);
        message["id"] = 1_700_000_000_000L + n;
        message["uri"] = $"https://platform.ringcentral.com/restapi/v1.0/account/1/extension/62871631004/message-store/{1_700_000_000_000L + n}";
        message["creationTime"] = new DateTimeOffset(2026, 11, 1, 8, 0, n % 60, TimeSpan.FromHours(-8)).ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture);
        message["lastModifiedTime"] = new DateTimeOffset(2026, 11, 2, 9, 0, n % 60, TimeSpan.Zero).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        var to = message["to"]!.AsArray();
        var second = to[0]!.DeepClone().AsObject();
        second["phoneNumber"] = "+1650555" + (1000 + n).ToString(CultureInfo.InvariantCulture);
        second["name"] = "Second " + n.ToString(CultureInfo.InvariantCulture);
        to.Add(second);
        var attachments = message["attachments"]!.AsArray();
        var kinds = new[] { ("AudioRecording", "audio/mpeg"), ("AudioTranscription", "text/plain"), ("RenderedDocument", "application/pdf") };
        var template = attachments[0]!.DeepClone().AsObject();
        attachments.Clear();
        for (var i = 0; i < kinds.Length; i++)
        {
            var a = template.DeepClone().AsObject();
            a["id"] = 10L * n + i;
            a["type"] = kinds[i].Item1;
            a["contentType"] = kinds[i].Item2;
            a["vmDuration"] = i == 0 ? 30 + n : null;
            a["uri"] = $"{message["uri"]}/content/{10L * n + i}";
            attachments.Add(a);
        }

        return message;
    }

    private static JsonNode Generate(JsonNode schema, int n, int depth)
    {
        if (schema["$ref"] is { } reference)
        {
            return Generate(s_components[reference.GetValue<string>()["#/components/schemas/".Length..]]!, n, depth);
        }

        if (schema["allOf"] is JsonArray parts)
        {
            var merged = new JsonObject();
            foreach (var part in parts)
            {
                foreach (var (key, value) in Generate(part!, n, depth).AsObject().ToList())
                {
                    merged[key] = value?.DeepClone();
                }
            }

            return merged;
        }

        if (schema["enum"] is JsonArray values)
        {
            return values[n % values.Count]!.DeepClone();
        }

        var type = schema["type"]?.GetValue<string>() ?? (schema["properties"] is not null ? "object" : "string");
        switch (type)
        {
            case "object":
                var obj = new JsonObject();
                if (depth < 4 && schema["properties"] is JsonObject properties)
                {
                    foreach (var (key, value) in properties)
                    {
                        obj[key] = Generate(value!, n + key.Length, depth + 1);
                    }
                }

                obj["unknownMember" + depth.ToString(CultureInfo.InvariantCulture)] = new JsonObject { ["nested"] = new JsonArray(1, "two", null) };
                return obj;
            case "array":
                return new JsonArray(Generate(schema["items"]!, n, depth + 1));
            case "integer":
                return n + 1;
            case "number":
                return n + 0.5;
            case "boolean":
                return n % 2 == 0;
            default:
                return schema["format"]?.GetValue<string>() == "date-time" ? "2026-11-01T08:00:00.000Z" : "text-" + n.ToString(CultureInfo.InvariantCulture);
        }
    }

    /// <summary>Every RcMessage property equals what the JSON holds, by the mapping rules.</summary>
    internal static void AssertMapped(JsonObject sent, RcMessage message)
    {
        // As parsed from text, so every number converts to the type asked for.
        var json = JsonNode.Parse(sent.ToJsonString())!.AsObject();
        string? S(JsonNode? node) => node is null ? null : node.GetValueKind() == JsonValueKind.String ? node.GetValue<string>() : node.ToJsonString();
        Assert.Equal(S(json["id"]), message.Id);
        Assert.Equal(S(json["type"]), message.Type);
        Assert.Equal(S(json["direction"]), message.Direction);
        Assert.Equal(DateTimeOffset.Parse(S(json["creationTime"])!, CultureInfo.InvariantCulture).ToUniversalTime(), message.CreationTime);
        Assert.Equal(TimeSpan.Zero, message.CreationTime!.Value.Offset);
        Assert.Equal(DateTimeOffset.Parse(S(json["lastModifiedTime"])!, CultureInfo.InvariantCulture).ToUniversalTime(), message.LastModifiedTime);
        Assert.Equal(S(json["extensionId"]), message.ExtensionId);
        Assert.Equal(S(json["from"]!["phoneNumber"]), message.FromPhoneNumber);
        Assert.Equal(S(json["from"]!["name"]), message.FromName);
        Assert.Equal(string.Join("; ", json["to"]!.AsArray().Select(t => S(t!["phoneNumber"]))), message.ToPhoneNumber);
        Assert.Equal(string.Join("; ", json["to"]!.AsArray().Select(t => S(t!["name"]))), message.ToName);
        Assert.Equal(S(json["subject"]), message.Subject);
        Assert.Equal(S(json["readStatus"]), message.ReadStatus);
        Assert.Equal(S(json["availability"]), message.Availability);
        Assert.Equal(S(json["messageStatus"]), message.MessageStatus);
        Assert.Equal(S(json["vmTranscriptionStatus"]), message.TranscriptionStatus);
        Assert.Equal((int?)json["faxPageCount"], message.FaxPageCount);
        Assert.Equal(S(json["faxResolution"]), message.FaxResolution);
        Assert.Equal(S(json["uri"]), message.Uri);
        Assert.Null(message.CallLogId);
        var attachments = json["attachments"]!.AsArray();
        Assert.Equal(attachments.Count, message.AttachmentCount);
        Assert.Equal(attachments.Select(a => (int?)a!["vmDuration"]).FirstOrDefault(v => v is not null), message.VoicemailSeconds);
        Assert.Equal(string.Join("; ", attachments.Select(a => S(a!["type"]) + " " + S(a!["contentType"]))), message.Attachments.ToString());
        for (var i = 0; i < attachments.Count; i++)
        {
            var a = attachments[i]!;
            var m = message.Attachments[i];
            Assert.Equal((message.Id, S(a["id"]), S(a["type"]), S(a["contentType"]), S(a["uri"]), S(a["fileName"]), (long?)a["size"]), (m.MessageId, m.Id, m.Type, m.ContentType, m.ContentUri, m.FileName, m.Size));
        }
    }
}
