namespace RingCentral.CallLog.Client;

/// <summary>What went wrong, independent of PowerShell; the cmdlet layer maps each to an ErrorId.</summary>
internal enum RcErrorKind
{
    NotConnected,
    AuthenticationFailed,
    PermissionDenied,
    RequestInvalid,
    NotFound,
    RateLimitExceeded,
    ServiceUnavailable,
    ConnectionFailed,
    RequestTimeout,
    ResponseInvalid,
    UntrustedHost,
}
