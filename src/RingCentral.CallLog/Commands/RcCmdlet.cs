using System;
using System.Globalization;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;

namespace RingCentral.CallLog.Commands;

/// <summary>
/// Base of every cmdlet that talks to RingCentral over an existing connection: -Connection, else
/// the runspace's current one.
/// </summary>
public abstract class RcCmdlet : RcAsyncCmdlet
{
    /// <summary>The connection to use instead of the current one (from Connect-RcAccount -PassThru).</summary>
    [Parameter]
    [ValidateNotNull]
    public RcConnection? Connection { get; set; }

    /// <summary>The connection to use; a terminating RingCentralNotConnected error when there is none.</summary>
    internal RcConnection RequireConnection()
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
