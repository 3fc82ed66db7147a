using System.Net;
using System.Text;
using RingCentral.CallLog.Client;
using RingCentral.CallLog.Client.Api;
using RingCentral.CallLog.Client.Http;
using RingCentral.CallLog.Tests.TestSupport;

namespace RingCentral.CallLog.Tests.Json.Schema;

/// <summary>
/// Drives the module's real readers with bodies that stream in as a <see cref="ReadPlan"/> says: the
/// page reader and the <c>-Raw</c> page reader directly, the batch reader through
/// <see cref="CallLogApi.GetByIdsAsync"/> over a fake transport (one id: a plain JSON answer; several:
/// a 207 multipart/mixed answer like RingCentral's).
/// </summary>
internal static class StreamedReaders
{
    private const string Boundary = "Boundary_20_32057915_1351669531796";

    public static async Task<CallLogPage> ReadPageAsync(GeneratedPage page, ReadPlan plan, bool raw)
    {
        using var response = ChunkedReadStream.Response(plan.Open(page.Body));
        return raw
            ? await CallLogApi.ReadRawPageAsync(response, CancellationToken.None)
            : await CallLogApi.ReadPageAsync(response, CancellationToken.None);
    }

    /// <summary>Asks for one id per record text and answers with those records, in order.</summary>
    public static async Task<IReadOnlyList<BatchItem>> ReadBatchAsync(IReadOnlyList<string> recordTexts, string view, ReadPlan plan, bool raw, string lineEnd = "\r\n")
    {
        // The ids asked for are the records' own (a batch answer pairs records with ids by them);
        // a record without one is asked for by a made-up id that its summary entry names.
        var ids = IdsOf(recordTexts);
        var single = ids.Count == 1;
        var body = Encoding.UTF8.GetBytes(single ? recordTexts[0] : Multipart(recordTexts, lineEnd));
        var contentType = single ? "application/json" : "multipart/mixed; boundary=" + Boundary;
        using var handler = new FakeHandler((_, _) =>
        {
            var response = ChunkedReadStream.Response(plan.Open(body), contentType);
            response.StatusCode = single ? HttpStatusCode.OK : (HttpStatusCode)207;
            return response;
        });
        using var core = new RcHttpCore(RcServer.Parse("https://platform.ringcentral.com"), new RcClientSettings { MaxRetryCount = 0 }, new FakeTokens(), handler);
        return await new CallLogApi(core).GetByIdsAsync(ids, CallLogScope.Account, view, raw, NullEvents.Instance, CancellationToken.None);
    }

    /// <summary>A 207 body as RingCentral sends it: a summary part, then one application/json part per record.</summary>
    public static string Multipart(IReadOnlyList<string> recordTexts, string lineEnd)
    {
        var summary = new WireObject([new WireMember("response", new WireArray(recordTexts.Select((_, i) => (WireValue)new WireObject(
        [
            new WireMember("href", new WireString("https://platform.ringcentral.com/restapi/v1.0/account/~/call-log/" + Uri.EscapeDataString(IdsOf(recordTexts)[i]))),
            new WireMember("status", new WireNumber("200")),
            new WireMember("responseDescription", new WireString("OK")),
        ])).ToList()))]);
        var sb = new StringBuilder();
        foreach (var part in recordTexts.Prepend(WireJsonWriter.Write(summary, WireLayout.Spaced)))
        {
            sb.Append("--").Append(Boundary).Append(lineEnd)
              .Append("Content-Type: application/json").Append(lineEnd).Append(lineEnd)
              .Append(part).Append(lineEnd);
        }

        return sb.Append("--").Append(Boundary).Append("--").Append(lineEnd).ToString();
    }

    /// <summary>Each record's own id (a number as its digits), or "batch-&lt;position&gt;" when it has none.</summary>
    public static List<string> IdsOf(IReadOnlyList<string> recordTexts) => recordTexts.Select((text, i) =>
    {
        using var document = System.Text.Json.JsonDocument.Parse(text, new System.Text.Json.JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = System.Text.Json.JsonCommentHandling.Skip, MaxDepth = 256 });
        return document.RootElement.ValueKind == System.Text.Json.JsonValueKind.Object && document.RootElement.TryGetProperty("id", out var id)
            ? id.ValueKind switch
            {
                System.Text.Json.JsonValueKind.String => id.GetString() ?? "batch-" + i,
                System.Text.Json.JsonValueKind.Number => id.GetRawText(),
                _ => "batch-" + i,
            }
            : "batch-" + i;
    }).ToList();
}
