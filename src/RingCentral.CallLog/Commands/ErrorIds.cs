using System;
using System.Management.Automation;
using RingCentral.CallLog.Client;

namespace RingCentral.CallLog.Commands;

/// <summary>The stable ErrorIds and categories of the contract, in one table.</summary>
internal static class ErrorIds
{
    public const string NotConnected = "RingCentralNotConnected";
    public const string AuthenticationFailed = "RingCentralAuthenticationFailed";
    public const string PermissionDenied = "RingCentralPermissionDenied";
    public const string RequestInvalid = "RingCentralRequestInvalid";
    public const string CallLogRecordNotFound = "CallLogRecordNotFound";
    public const string RecordingNotFound = "RecordingNotFound";

    /// <summary>Get-RcMessage: a 404 for that message id.</summary>
    public const string MessageNotFound = "MessageNotFound";
    public const string RateLimitExceeded = "RingCentralRateLimitExceeded";
    public const string ServiceUnavailable = "RingCentralServiceUnavailable";
    public const string ConnectionFailed = "RingCentralConnectionFailed";
    public const string RequestTimeout = "RingCentralRequestTimeout";
    public const string ResponseInvalid = "RingCentralResponseInvalid";
    public const string UntrustedHost = "RingCentralUntrustedHost";
    public const string CheckpointInvalid = "CheckpointInvalid";
    public const string CheckpointMismatch = "CheckpointMismatch";

    /// <summary>Another run (or Complete-RcCheckpoint) holds the checkpoint's lock.</summary>
    public const string CheckpointInUse = "CheckpointInUse";

    /// <summary>Complete-RcCheckpoint: no run left a pending state to promote.</summary>
    public const string CheckpointNotPending = "CheckpointNotPending";

    /// <summary>Remove-RcRecording: the local copy did not verify, so the recording was not sent for deletion.</summary>
    public const string RecordingVerificationFailed = "RecordingVerificationFailed";

    /// <summary>Save-RcMessage: an attachment's file name would be unsafe; writing an attachment's file failed.</summary>
    public const string MessageFileNameUnsafe = "MessageFileNameUnsafe";
    public const string MessageFileWriteFailed = "MessageFileWriteFailed";

    /// <summary>Remove-RcMessage: not every attachment's local copy verified, so the message was not sent for deletion.</summary>
    public const string MessageVerificationFailed = "MessageVerificationFailed";

    /// <summary>Remove-RcRecording would ask before deleting, and the host cannot ask (cron, -NonInteractive).</summary>
    public const string ConfirmationNotPossible = "ConfirmationNotPossible";

    /// <summary>Save-RcRecording: -FileNameTemplate made a name that is not a safe file name inside -Path.</summary>
    public const string RecordingFileNameUnsafe = "RecordingFileNameUnsafe";

    /// <summary>Save-RcRecording: the recording's file could not be written (full disk, no access).</summary>
    public const string RecordingFileWriteFailed = "RecordingFileWriteFailed";

    // Export-RcCallReport: the report file is there and -Force was not given; writing it failed.
    public const string CallReportFileExists = "CallReportFileExists";
    public const string CallReportWriteFailed = "CallReportWriteFailed";

    // Export-RcMessageStore: the task ended without archives (Failed, Cancelled); it did not complete within -Timeout;
    // a zip (or one of its files) could not be trusted or written.
    public const string MessageStoreExportFailed = "MessageStoreExportFailed";
    public const string MessageStoreExportTimedOut = "MessageStoreExportTimedOut";
    public const string MessageStoreArchiveInvalid = "MessageStoreArchiveInvalid";

    /// <summary>Watch-RcCallEvent -GapAction Stop: the WebSocket session was lost and not recovered, so events may be missing.</summary>
    public const string CallEventGap = "CallEventGap";

    /// <summary>Get-RcActiveCall with a session id: RingCentral did not list that session within -Wait.</summary>
    public const string ActiveCallNotListed = "ActiveCallNotListed";

    /// <summary>Bad input, refused before any request: "InvalidArgument" + the parameter's name (e.g. InvalidArgumentDateFrom).</summary>
    public static string InvalidArgument(string? parameter) => "InvalidArgument" + (parameter ?? string.Empty);

    /// <summary>The error record of bad input: <see cref="InvalidArgument"/> for the exception's parameter.</summary>
    public static ErrorRecord InvalidArgumentRecord(ArgumentException exception, object? target) =>
        new(exception, InvalidArgument(exception.ParamName), ErrorCategory.InvalidArgument, target);

    /// <summary>
    /// Failures that are about the connection, not the ids of a batch: refused sign-in (after renewal), no
    /// permission, no connection, a host the token may not go to, a rate limit that outlasted the retries.
    /// More requests would fail the same way, so they end the command.
    /// </summary>
    public static bool AppliesToEveryId(RcErrorKind kind) =>
        kind is RcErrorKind.AuthenticationFailed or RcErrorKind.PermissionDenied or RcErrorKind.NotConnected
            or RcErrorKind.UntrustedHost or RcErrorKind.RateLimitExceeded;

    // notFoundId: the ErrorId a 404 gets here (records and recordings differ).
    public static (string Id, ErrorCategory Category) For(RcErrorKind kind, string notFoundId = CallLogRecordNotFound) => kind switch
    {
        RcErrorKind.NotConnected => (NotConnected, ErrorCategory.InvalidOperation),
        RcErrorKind.AuthenticationFailed => (AuthenticationFailed, ErrorCategory.AuthenticationError),
        RcErrorKind.PermissionDenied => (PermissionDenied, ErrorCategory.PermissionDenied),
        RcErrorKind.RequestInvalid => (RequestInvalid, ErrorCategory.InvalidArgument),
        RcErrorKind.NotFound => (notFoundId, ErrorCategory.ObjectNotFound),
        RcErrorKind.RateLimitExceeded => (RateLimitExceeded, ErrorCategory.LimitsExceeded),
        RcErrorKind.ServiceUnavailable => (ServiceUnavailable, ErrorCategory.ResourceUnavailable),
        RcErrorKind.ConnectionFailed => (ConnectionFailed, ErrorCategory.ConnectionError),
        RcErrorKind.RequestTimeout => (RequestTimeout, ErrorCategory.OperationTimeout),
        RcErrorKind.ResponseInvalid => (ResponseInvalid, ErrorCategory.InvalidData),
        RcErrorKind.UntrustedHost => (UntrustedHost, ErrorCategory.SecurityError),
        _ => (ServiceUnavailable, ErrorCategory.NotSpecified),
    };

    public static ErrorRecord Record(RcApiException exception, object? target, string notFoundId = CallLogRecordNotFound)
    {
        var (id, category) = For(exception.Kind, notFoundId);
        var hint = Hints.For(exception);

        // A remedy is the next step the user must take (sign in again, a new token): it goes into
        // the message people read, and into RecommendedAction like every other hint.
        var message = exception.Remedy != RcRemedy.None && hint is not null ? exception.FullMessage + " " + hint : exception.FullMessage;
        var record = new ErrorRecord(exception, id, category, target)
        {
            ErrorDetails = new ErrorDetails(message),
        };
        if (hint is not null)
        {
            record.ErrorDetails.RecommendedAction = hint;
        }

        return record;
    }
}
