using System;
using System.Globalization;
using System.Text;
using RingCentral.CallLog.Client.Http;

namespace RingCentral.CallLog.Client;

/// <summary>
/// A request that failed for good (after any retries). Carries what RingCentral said: its error
/// code, message, request id and the rate-limit state. Never carries a token or secret.
/// </summary>
internal sealed class RcApiException : Exception
{
    /// <remarks>Every URL in <paramref name="message"/> loses its query: a signed URL is a secret.</remarks>
    public RcApiException(RcErrorKind kind, string message, Exception? inner = null)
        : base(UrlText.Scrub(message), inner)
    {
        Kind = kind;
    }

    public RcErrorKind Kind { get; }

    public int? StatusCode { get; init; }

    /// <summary>RingCentral's code, e.g. CMN-408, OAU-140, invalid_grant.</summary>
    public string? ErrorCode { get; init; }

    public string? ServerMessage { get; init; }

    public string? RequestId { get; init; }

    public RateLimitState? RateLimit { get; init; }

    /// <summary>The request's method and URI (no query secrets: tokens never travel in URIs here).</summary>
    public string? Request { get; init; }

    /// <summary>What the user can do about it, beyond what the kind and error code say.</summary>
    public RcRemedy Remedy { get; init; }

    /// <summary>The extension whose mailbox a message-store request was refused (with <see cref="RcRemedy.ExportMessageStore"/>).</summary>
    public string? Mailbox { get; init; }

    /// <summary>The same failure told differently: another kind or message, every detail kept.</summary>
    public RcApiException Rephrase(RcErrorKind kind, string message) => new(kind, message, this)
    {
        StatusCode = StatusCode,
        ErrorCode = ErrorCode,
        ServerMessage = ServerMessage,
        RequestId = RequestId,
        RateLimit = RateLimit,
        Request = Request,
        Remedy = Remedy,
        Mailbox = Mailbox,
    };

    /// <summary>
    /// This failure with the answer's status, RCRequestId and request filled in where it lacks
    /// them (a body that could not be read is still an answer RingCentral support can trace).
    /// </summary>
    public RcApiException WithAnswer(int status, string? requestId, string request) =>
        StatusCode is not null && (RequestId is not null || requestId is null) && Request is not null ? this
        : new(Kind, Message, InnerException)
        {
            StatusCode = StatusCode ?? status,
            ErrorCode = ErrorCode,
            ServerMessage = ServerMessage,
            RequestId = RequestId ?? requestId,
            RateLimit = RateLimit,
            Request = Request ?? request,
            Remedy = Remedy,
            Mailbox = Mailbox,
        };

    /// <summary>The message plus every detail, for ErrorDetails.</summary>
    public string FullMessage
    {
        get
        {
            var text = new StringBuilder(Message);
            var details = new StringBuilder();
            void Add(string part)
            {
                details.Append(details.Length == 0 ? " (" : "; ").Append(part);
            }

            if (ErrorCode is not null && !Message.Contains(ErrorCode))
            {
                Add("RingCentral " + ErrorCode);
            }

            if (StatusCode is not null)
            {
                Add("HTTP " + StatusCode.Value.ToString(CultureInfo.InvariantCulture));
            }

            if (RequestId is not null)
            {
                Add("RCRequestId " + RequestId);
            }

            if (RateLimit is not null)
            {
                Add(RateLimit.ToString());
            }

            if (Request is not null)
            {
                Add(Request);
            }

            if (details.Length > 0)
            {
                text.Append(details).Append(')');
            }

            return text.ToString();
        }
    }
}
