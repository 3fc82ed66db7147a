using System.Text.Json.Serialization;

namespace RingCentral.CallLog.Json;

/// <summary>Source-generated (reflection-free) JSON metadata for every wire shape.</summary>
[JsonSourceGenerationOptions(PropertyNameCaseInsensitive = false, ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip, AllowTrailingCommas = true)]
[JsonSerializable(typeof(CallLogPageDto))]
[JsonSerializable(typeof(CallLogRecordDto))]
[JsonSerializable(typeof(RecordingDto))]
[JsonSerializable(typeof(TokenDto))]
[JsonSerializable(typeof(ExtensionDto))]
[JsonSerializable(typeof(ErrorBodyDto))]
[JsonSerializable(typeof(BatchSummaryDto))]
[JsonSerializable(typeof(MessagePageDto))]
[JsonSerializable(typeof(MessageDto))]
[JsonSerializable(typeof(MessageAttachmentDto))]
internal sealed partial class WireJsonContext : JsonSerializerContext
{
}
