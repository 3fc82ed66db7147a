using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using RingCentral.CallLog.Client.Http;
using RingCentral.CallLog.Json;

namespace RingCentral.CallLog.Client.Api;

/// <summary>
/// Recording metadata, deletion and the account's recording policy. Knows RingCentral's paths; nothing
/// of PowerShell. The content itself is downloaded by the content engine (Export/Content), over the core.
/// </summary>
internal sealed class RecordingApi
{
    /// <summary>RingCentral deletes at most this many recordings per request.</summary>
    public const int MaxDeleteIds = 100;

    private readonly RcHttpCore _core;

    public RecordingApi(RcHttpCore core)
    {
        _core = core;
    }

    /// <summary>GET /account/~/recording/{id}: id, contentUri, contentType, duration. A 404 is RcErrorKind.NotFound.</summary>
    public Task<RecordingInfo> GetAsync(string recordingId, IRcEvents events, CancellationToken cancellationToken)
    {
        var uri = _core.Server.Resolve("/restapi/v1.0/account/~/recording/" + Uri.EscapeDataString(recordingId));
        var request = new RcRequest(HttpMethod.Get, uri, RouteKeys.Recording);
        return _core.SendAsync(request, ReadMetadataAsync, events, cancellationToken);
    }

    /// <summary>
    /// DELETE /account/~/call-recordings {"records": [ids]} (1 to 100 ids; 204). RingCentral deletes
    /// the recordings' files, not the call log records. A 403 is rephrased to name the permission.
    /// </summary>
    public async Task DeleteAsync(IReadOnlyList<string> recordingIds, IRcEvents events, CancellationToken cancellationToken)
    {
        if (recordingIds.Count is 0 or > MaxDeleteIds)
        {
            throw new ArgumentOutOfRangeException(nameof(recordingIds), $"1 to {MaxDeleteIds} recording ids per request.");
        }

        var body = DeleteBody(recordingIds);
        var request = new RcRequest(HttpMethod.Delete, _core.Server.Resolve("/restapi/v1.0/account/~/call-recordings"), RouteKeys.RecordingDelete)
        {
            Configure = message => message.Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        try
        {
            await _core.SendAsync(request, (_, _) => Task.FromResult(true), events, cancellationToken).ConfigureAwait(false);
        }
        catch (RcApiException ex) when (ex.Kind == RcErrorKind.PermissionDenied)
        {
            throw ex.Rephrase(RcErrorKind.PermissionDenied, ex.Message + " Deleting recordings needs the EditCompanyCallRecordings user permission (and the app's EditCallLog permission).");
        }
    }

    /// <summary>GET /account/~/call-recording: the account's recording settings (retention, automatic maximum).</summary>
    public Task<RecordingPolicy> GetPolicyAsync(IRcEvents events, CancellationToken cancellationToken)
    {
        var request = new RcRequest(HttpMethod.Get, _core.Server.Resolve("/restapi/v1.0/account/~/call-recording"), RouteKeys.RecordingSettings);
        return _core.SendAsync(request, ReadPolicyAsync, events, cancellationToken);
    }

    /// <summary>A contentUri from the server as an absolute URI, or a ResponseInvalid error.</summary>
    public static Uri ContentUri(string recordingId, string? text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? uri
            : throw new RcApiException(RcErrorKind.ResponseInvalid, $"Recording '{recordingId}' has no usable contentUri ('{UrlText.Of(text)}').");

    internal static string DeleteBody(IEnumerable<string> recordingIds)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteStartArray("records");
            foreach (var id in recordingIds)
            {
                w.WriteStringValue(id);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    internal static async Task<RecordingInfo> ReadMetadataAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var dto = await WireJson.ReadAsync(response, WireJsonContext.Default.RecordingDto, "The recording metadata", cancellationToken).ConfigureAwait(false);

        if (dto?.Id is null)
        {
            throw new RcApiException(RcErrorKind.ResponseInvalid, "The recording metadata has no id.");
        }

        return ModelMapper.ToRecording(dto);
    }

    internal static async Task<RecordingPolicy> ReadPolicyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        JsonDocument doc;
        try
        {
            using var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
            doc = await JsonDocument.ParseAsync(stream, default, cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException ex)
        {
            throw new RcApiException(RcErrorKind.ResponseInvalid, "The call recording settings are not valid JSON: " + ex.Message, ex);
        }

        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new RcApiException(RcErrorKind.ResponseInvalid, "The call recording settings are not a JSON object.");
            }

            var onDemand = Part(root, "onDemand");
            var automatic = Part(root, "automatic");
            return new RecordingPolicy
            {
                OnDemandEnabled = Bool(onDemand, "enabled"),
                OnDemandRetentionDays = Int(onDemand, "retentionPeriod"),
                AutomaticEnabled = Bool(automatic, "enabled"),
                AutomaticRetentionDays = Int(automatic, "retentionPeriod"),
                AutomaticMaxRecordings = Int(automatic, "maxNumberLimit"),
            };
        }
    }

    private static JsonElement? Part(JsonElement root, string name) =>
        root.TryGetProperty(name, out var part) && part.ValueKind == JsonValueKind.Object ? part : null;

    private static bool? Bool(JsonElement? part, string name) =>
        part is { } p && p.TryGetProperty(name, out var v) && v.ValueKind is JsonValueKind.True or JsonValueKind.False ? v.GetBoolean() : null;

    private static int? Int(JsonElement? part, string name) =>
        part is { } p && p.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var n) ? n : null;
}
