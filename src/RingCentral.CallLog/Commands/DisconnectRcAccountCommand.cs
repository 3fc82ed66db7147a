using System.Management.Automation;

namespace RingCentral.CallLog.Commands;

/// <summary>Disconnect-RcAccount: revokes the session and forgets it.</summary>
[Cmdlet(VerbsCommunications.Disconnect, "RcAccount")]
[OutputType(typeof(void))]
public sealed class DisconnectRcAccountCommand : RcCmdlet
{
    protected override void EndProcessing()
    {
        var connection = Connection ?? ConnectionStore.Get();
        if (connection is null)
        {
            WriteVerbose("No current connection: nothing to disconnect.");
            return;
        }

        Run(ct => connection.Session.DisconnectAsync(RcEvents, ct));
        if (ReferenceEquals(ConnectionStore.Get(), connection))
        {
            ConnectionStore.Set(null);
        }

        WriteVerbose($"Disconnected {connection}.");
    }
}
