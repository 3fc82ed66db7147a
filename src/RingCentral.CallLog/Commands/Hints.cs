using System;
using RingCentral.CallLog.Client;

namespace RingCentral.CallLog.Commands;

/// <summary>
/// Plain-language next steps for the errors an admin meets most, in the words of this module's
/// cmdlets and parameters: the client reports what happened as data (kind, RingCentral's error
/// code, <see cref="RcRemedy"/>), and only this side of the module words it.
/// </summary>
internal static class Hints
{
    /// <summary>A Watch-RcCallEvent gap: how to fill it.</summary>
    public const string ForCallEventGap = "Read the calls of that interval with Get-RcCallLog -DateFrom/-DateTo (or Get-RcActiveCall for the last two minutes), then start Watch-RcCallEvent again; -GapAction Warn keeps watching and only warns.";

    /// <summary>A checkpointed run with no checkpoint yet and no start date: where the backfill starts.</summary>
    public const string ForCheckpointStart = "Give -DateFrom for the first run.";

    /// <summary>Get-RcActiveCall -TelephonySessionId: the session was not listed in time.</summary>
    public const string ForActiveCallNotListed = "RingCentral lists an ended call among the active calls for about two minutes, 3-10 s after it ends, and not every call; its call log record comes later: Get-RcCallLog -TelephonySessionId <id> (retry until it is there). A longer -Wait also helps.";

    public static string? For(RcApiException exception) => exception.Remedy switch
    {
        RcRemedy.SignInAgainWithJwt => "Run Connect-RcAccount again with a valid JWT.",
        RcRemedy.SignInAgainInteractively => "Run Connect-RcAccount -Interactive again.",
        RcRemedy.NewAccessToken => "Run Connect-RcAccount again with a new token (-AccessToken), or use the JWT flow (-ClientId, -ClientSecret, -Jwt), which renews itself.",
        RcRemedy.Connect => "Run Connect-RcAccount (or pass -Connection).",
        RcRemedy.ExportMessageStore => $"This token may not read extension {exception.Mailbox}'s mailbox; use Export-RcMessageStore for the account-wide archive.",
        RcRemedy.AdminForAccountExport => "Export-RcMessageStore needs a user with an admin role (RingCentral's Users permission) and an app with ReadMessages: run Connect-RcAccount with an admin user's JWT. For your own mailbox, use Get-RcMessage | Save-RcMessage.",
        _ => For(exception.Kind, exception.ErrorCode),
    };

    private static string? For(RcErrorKind kind, string? code)
    {
        code ??= string.Empty;
        if (code.IndexOf("CMN-408", StringComparison.Ordinal) >= 0)
        {
            return "The signed-in user lacks the permission named in the message. Account-wide data (-Account) needs an admin user's JWT; or ask without -Account for your own extension.";
        }

        if (code.IndexOf("CMN-401", StringComparison.Ordinal) >= 0)
        {
            return "The app lacks an application permission (e.g. ReadCallLog or ReadCallRecording). Add it to the app in the RingCentral Developer Console.";
        }

        if (code.IndexOf("invalid_client", StringComparison.Ordinal) >= 0)
        {
            return "Check -ClientId and -ClientSecret: they must be the app's credentials from the RingCentral Developer Console, for this server.";
        }

        if (code.IndexOf("invalid_grant", StringComparison.Ordinal) >= 0)
        {
            return "The JWT (or refresh token) was refused: check it belongs to this app and server, has not expired and was not revoked; create a new JWT credential in the Developer Console if needed.";
        }

        if (code.IndexOf("unauthorized_client", StringComparison.Ordinal) >= 0 || code.IndexOf("OAU-112", StringComparison.Ordinal) >= 0 || code.IndexOf("OAU-125", StringComparison.Ordinal) >= 0)
        {
            return "The app is not allowed this sign-in flow: enable the JWT auth flow (or Authorization Code for -Interactive) for the app in the Developer Console.";
        }

        return kind switch
        {
            RcErrorKind.AuthenticationFailed => "Sign in again with Connect-RcAccount.",
            RcErrorKind.RateLimitExceeded => "RingCentral's rate limit was still exceeded after the retries (CMN-301). Run fewer jobs at once with this user, or raise -MaxRetryCount.",
            RcErrorKind.ServiceUnavailable or RcErrorKind.ConnectionFailed or RcErrorKind.RequestTimeout => "Try again later; raise -MaxRetryCount on Connect-RcAccount for long unattended runs.",
            _ => null,
        };
    }
}
