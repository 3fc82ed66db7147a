using System.Management.Automation;

namespace RingCentral.CallLog.Commands;

/// <summary>Get-RcConnection: the runspace's current connection, or nothing.</summary>
[Cmdlet(VerbsCommon.Get, "RcConnection")]
[OutputType(typeof(RcConnection))]
public sealed class GetRcConnectionCommand : PSCmdlet
{
    protected override void EndProcessing()
    {
        var connection = ConnectionStore.Get();
        if (connection is not null)
        {
            WriteObject(connection);
        }
    }
}
