using System.Net;
using System.Net.Http;
using System.Text.Json.Nodes;
using RingCentral.CallLog.Client;
using RingCentral.CallLog.Client.Api;
using RingCentral.CallLog.Client.Export.Content;
using RingCentral.CallLog.Client.Export.Recordings;
using RingCentral.CallLog.Client.Http;
using RingCentral.CallLog.Tests.TestSupport;
using Xunit;

namespace RingCentral.CallLog.Tests.Client.Api;

/// <summary>Deleting recordings and reading the recording policy, judged against RingCentral's published schema.</summary>
public sealed class RecordingApiTests
{
    private static readonly JsonNode s_schema = JsonNode.Parse(File.ReadAllText(Fixtures.OpenApiFile))!;

    private static (RecordingApi Api, FakeHandler Handler, List<string> Bodies) Create(Func<HttpRequestMessage, int, HttpResponseMessage> answer)
    {
        var bodies = new List<string>();
        var handler = new FakeHandler((request, i) =>
        {
            bodies.Add(request.Content?.ReadAsStringAsync().GetAwaiter().GetResult() ?? string.Empty);
            return answer(request, i);
        });
        var core = new RcHttpCore(RcServer.Parse("http://127.0.0.1:5000"), new RcClientSettings { MaxRetryCount = 0 }, new FakeTokens(), handler);
        return (new RecordingApi(core), handler, bodies);
    }

    [Fact]
    public async Task Delete_sends_the_schemas_body_to_the_schemas_path()
    {
        var (api, handler, bodies) = Create((_, _) => new HttpResponseMessage(HttpStatusCode.NoContent));
        await api.DeleteAsync(new[] { "1", "22" }, NullEvents.Instance, CancellationToken.None);
        var request = handler.Requests.Single();
        Assert.Equal(HttpMethod.Delete, request.Method);
        Assert.Equal("/restapi/v1.0/account/~/call-recordings", request.RequestUri!.AbsolutePath);
        Assert.NotNull(s_schema["paths"]!["/restapi/v1.0/account/{accountId}/call-recordings"]!["delete"]);
        Assert.Equal("application/json", request.Content!.Headers.ContentType!.MediaType);
        var body = JsonNode.Parse(bodies.Single())!.AsObject();
        var schema = s_schema["components"]!["schemas"]!["CallRecordingIds"]!;
        Assert.Equal(schema["properties"]!.AsObject().Select(p => p.Key), body.Select(p => p.Key));
        Assert.Equal(new[] { "1", "22" }, body["records"]!.AsArray().Select(n => (string)n!));
    }

    [Fact]
    public async Task Delete_refuses_more_than_the_schemas_maximum_before_any_request()
    {
        var (api, handler, _) = Create((_, _) => new HttpResponseMessage(HttpStatusCode.NoContent));
        var max = (int)s_schema["components"]!["schemas"]!["CallRecordingIds"]!["properties"]!["records"]!["maxItems"]!;
        Assert.Equal(RecordingApi.MaxDeleteIds, max);
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => api.DeleteAsync(Enumerable.Range(1, max + 1).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList(), NullEvents.Instance, CancellationToken.None));
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task A_403_to_a_delete_names_the_permission_it_needs()
    {
        var (api, _, _) = Create((_, _) => Fixtures.Json("""{"errorCode":"CMN-408","message":"In order to call this API endpoint, user needs to have [EditCompanyCallRecordings] permission for requested resource.","errors":[{"errorCode":"CMN-408","message":"...","permissionName":"EditCompanyCallRecordings"}]}""", HttpStatusCode.Forbidden));
        var ex = await Assert.ThrowsAsync<RcApiException>(() => api.DeleteAsync(new[] { "1" }, NullEvents.Instance, CancellationToken.None));
        Assert.Equal(RcErrorKind.PermissionDenied, ex.Kind);
        Assert.Equal(403, ex.StatusCode);
        Assert.Contains("needs the EditCompanyCallRecordings user permission", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_policy_reads_retention_and_the_automatic_maximum_by_the_schemas_names()
    {
        var automatic = s_schema["components"]!["schemas"]!["AutomaticRecordingResource"]!["properties"]!.AsObject();
        Assert.True(automatic.ContainsKey("retentionPeriod") && automatic.ContainsKey("maxNumberLimit") && automatic.ContainsKey("enabled"));
        var (api, handler, _) = Create((_, _) => Fixtures.Json("""{"onDemand":{"enabled":false,"retentionPeriod":30},"automatic":{"enabled":true,"retentionPeriod":90,"maxNumberLimit":100000,"extensionCount":3},"greetings":[]}"""));
        var policy = await api.GetPolicyAsync(NullEvents.Instance, CancellationToken.None);
        Assert.Equal("/restapi/v1.0/account/~/call-recording", handler.Requests.Single().RequestUri!.AbsolutePath);
        Assert.False(policy.OnDemandEnabled);
        Assert.Equal(30, policy.OnDemandRetentionDays);
        Assert.True(policy.AutomaticEnabled);
        Assert.Equal(90, policy.AutomaticRetentionDays);
        Assert.Equal(100_000, policy.AutomaticMaxRecordings);
        Assert.Equal(30, policy.RetentionDaysFor(null));
        Assert.Equal(90, policy.RetentionDaysFor("Automatic"));
    }

    [Fact]
    public async Task A_policy_answer_that_is_not_JSON_is_ResponseInvalid()
    {
        var (api, _, _) = Create((_, _) => Fixtures.Json("<html>"));
        var ex = await Assert.ThrowsAsync<RcApiException>(() => api.GetPolicyAsync(NullEvents.Instance, CancellationToken.None));
        Assert.Equal(RcErrorKind.ResponseInvalid, ex.Kind);
    }

    [Theory]
    [InlineData(2, true)]
    [InlineData(6.9, true)]
    [InlineData(-20, true)]
    [InlineData(7.1, false)]
    [InlineData(40, false)]
    public void The_retention_warning_comes_within_7_days_of_the_end_and_once_per_run(double daysToEnd, bool warns)
    {
        var now = new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);
        var policy = (RecordingPolicy)Activator.CreateInstance(typeof(RecordingPolicy), nonPublic: true)!;
        typeof(RecordingPolicy).GetProperty(nameof(RecordingPolicy.OnDemandRetentionDays))!.SetValue(policy, 30);
        var call = new ContentNameValues { RecordingId = "1", StartTime = now.AddDays(daysToEnd - 30), RecordingType = "OnDemand" };
        Assert.Equal(warns, RecordingRetention.Warning(policy, call, now) is not null);
        var reads = 0;
        var run = new RecordingRetention(() => { reads++; return policy; }, _ => { });
        Assert.Equal(warns, run.Check(call, now) is not null);
        Assert.Null(run.Check(call, now));
        // A call with one day left: warned about only if no warning came yet in this run.
        Assert.Equal(!warns, run.Check(new ContentNameValues { RecordingId = "2", StartTime = now.AddDays(-29), RecordingType = "OnDemand" }, now) is not null);
        Assert.Equal(1, reads);
    }
}
