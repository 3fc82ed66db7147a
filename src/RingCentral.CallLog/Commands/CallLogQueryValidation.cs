using System;
using RingCentral.CallLog.Client.Api;

namespace RingCentral.CallLog.Commands;

/// <summary>
/// Refuses a call log query RingCentral would refuse, before any request, in the words of the
/// cmdlet's parameters (the client's query type knows nothing of them).
/// </summary>
internal static class CallLogQueryValidation
{
    public static void Validate(CallLogQuery query)
    {
        if (query.DateFrom is not null && query.DateTo is not null && query.DateFrom > query.DateTo)
        {
            throw new ArgumentException($"-DateFrom ({query.DateFrom:o}) is after -DateTo ({query.DateTo:o}).", "DateFrom");
        }

        if (query.SessionId is not null && SessionIdConflict(query) is { } other)
        {
            throw new ArgumentException($"-SessionId cannot be combined with {other}: RingCentral searches a session on all dates by itself and refuses other filters with it (CLG-110). Leave out {other}, or filter the session's records with Where-Object.", "SessionId");
        }

        if (query.PhoneNumber is not null && query.ExtensionNumber is not null)
        {
            throw new ArgumentException("-PhoneNumber and -ExtensionNumber cannot be used together (RingCentral refuses the combination).", "PhoneNumber");
        }

        if (query.Scope.AccountLevel && query.Transport.Count > 0)
        {
            throw new ArgumentException("-Transport is only available at extension level; RingCentral's account-level call log does not take it. Remove -Account or -Transport.", "Transport");
        }

        if (query.Scope.AccountLevel && query.ShowBlocked == false)
        {
            throw new ArgumentException("-ExcludeBlocked is only available at extension level; RingCentral's account-level call log does not take it. Remove -Account or -ExcludeBlocked.", "ExcludeBlocked");
        }

        if (query.PerPage is < 1 or > 1000)
        {
            throw new ArgumentException($"-PageSize must be between 1 and 1000, not {query.PerPage}.", "PageSize");
        }

        if (query.PhoneNumber is not null && CallLogQuery.NormalizePhoneNumber(query.PhoneNumber).Length == 0)
        {
            throw new ArgumentException($"-PhoneNumber '{query.PhoneNumber}' holds no digits.", "PhoneNumber");
        }
    }

    /// <summary>The first parameter given with -SessionId that RingCentral does not allow beside it (view, showDeleted, showBlocked and paging are allowed).</summary>
    private static string? SessionIdConflict(CallLogQuery query) =>
        query.DateFrom is not null ? "-DateFrom"
        : query.DateTo is not null ? "-DateTo"
        : query.Direction.Count > 0 ? "-Direction"
        : query.Type.Count > 0 ? "-Type"
        : query.Transport.Count > 0 ? "-Transport"
        : query.PhoneNumber is not null ? "-PhoneNumber"
        : query.ExtensionNumber is not null ? "-ExtensionNumber"
        : query.TelephonySessionId is not null ? "-TelephonySessionId"
        : query.RecordingType is not null ? "-RecordingType (or -WithRecording)"
        : null;
}
