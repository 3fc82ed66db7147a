using System;
using System.Globalization;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using RingCentral.CallLog.Client;
using RingCentral.CallLog.Client.Api;

namespace RingCentral.CallLog.Commands;

/// <summary>
/// Base of every cmdlet that talks to RingCentral over an existing connection: -Connection, else
/// the runspace's current one. It hands out the session and the session's APIs
/// (<see cref="Session"/>, <see cref="CallLogs"/>, <see cref="Recordings"/>), so a cmdlet does only
/// its own work with them and never builds an API object.
/// </summary>
/// <remarks>
/// The session is resolved when a cmdlet first asks for it, not in a fixed step, because the
/// cmdlets differ in when that must happen: Get-RcCallLog refuses bad input before it looks for a
/// connection, Save-RcRecording checks -Path first, Get-RcRecording connects in its begin step
/// even when no input arrives. Once resolved it stays the same for the rest of the run.
/// </remarks>
public abstract class RcCmdlet : RcAsyncCmdlet
{
    private RcConnection? _inUse;

    /// <summary>The connection to use instead of the current one (from Connect-RcAccount -PassThru).</summary>
    [Parameter]
    [ValidateNotNull]
    public RcConnection? Connection { get; set; }

    /// <summary>The connection this run works over; a terminating RingCentralNotConnected error when there is none.</summary>
    internal RcConnection ConnectionInUse => _inUse ??= RequireConnection();

    /// <summary>The signed-in session this run works over (see <see cref="ConnectionInUse"/>).</summary>
    internal RcSession Session => ConnectionInUse.Session;

    /// <summary>The session's call log, batch and active-call endpoints.</summary>
    internal CallLogApi CallLogs => Session.CallLogs;

    /// <summary>The session's recording endpoints.</summary>
    internal RecordingApi Recordings => Session.Recordings;

    /// <summary>The session's message-store endpoints (voicemail, fax).</summary>
    internal MessageApi Messages => Session.Messages;

    /// <summary>The connection to use; a terminating RingCentralNotConnected error when there is none.</summary>
    private RcConnection RequireConnection()
    {
        if (Connection is { Session.IsDisconnected: true })
        {
            // The connection given was closed: "connect first" would point at the wrong thing.
            ThrowTerminatingError(new ErrorRecord(
                new InvalidOperationException($"The connection given to -Connection ({Connection}) was disconnected (Disconnect-RcAccount). Connect again with Connect-RcAccount -PassThru and pass the new connection."),
                ErrorIds.NotConnected,
                ErrorCategory.InvalidOperation,
                null));
        }

        var connection = Connection ?? ConnectionStore.Get();
        if (connection is null || connection.Session.IsDisconnected)
        {
            ThrowTerminatingError(new ErrorRecord(
                new InvalidOperationException("Not connected to RingCentral. Run Connect-RcAccount first (or pass -Connection)."),
                ErrorIds.NotConnected,
                ErrorCategory.InvalidOperation,
                null));
        }

        return connection!;
    }
}
