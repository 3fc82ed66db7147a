using System.Globalization;

namespace RingCentral.CallLog.Client.Http;

/// <summary>
/// The one map from an HTTP status and RingCentral's error body to an <see cref="RcApiException"/>:
/// used for whole answers (the HTTP core) and for the parts of a 207 batch answer alike.
/// </summary>
internal static class StatusErrors
{
    public static RcErrorKind KindOf(int status) => status switch
    {
        400 or 422 => RcErrorKind.RequestInvalid,
        401 => RcErrorKind.AuthenticationFailed,
        403 => RcErrorKind.PermissionDenied,
        404 => RcErrorKind.NotFound,
        408 => RcErrorKind.RequestTimeout,
        429 => RcErrorKind.RateLimitExceeded,
        >= 500 => RcErrorKind.ServiceUnavailable,
        _ => RcErrorKind.RequestInvalid,
    };

    // what opens the message: "RingCentral refused GET …", "Call log record '1' could not be fetched".
    public static RcApiException Create(string what, int status, string? code, string? serverMessage, string? reasonPhrase, string? requestId, RateLimitState? rateLimit, string? request)
    {
        var kind = KindOf(status);
        var text = serverMessage ?? reasonPhrase ?? "HTTP " + status.ToString(CultureInfo.InvariantCulture);
        if (code is not null)
        {
            text = $"{text} [{code}]";
        }

        return new RcApiException(kind, $"{what}: {text}")
        {
            StatusCode = status,
            ErrorCode = code,
            ServerMessage = serverMessage,
            RequestId = requestId,
            RateLimit = rateLimit,
            Request = request,
        };
    }
}
