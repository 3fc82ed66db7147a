using System.Management.Automation;
using RingCentral.CallLog.Client;
using RingCentral.CallLog.Client.Api;

namespace RingCentral.CallLog.Commands;

/// <summary>Get-RcRecordingPolicy: the account's call recording settings (how long RingCentral keeps recordings).</summary>
[Cmdlet(VerbsCommon.Get, "RcRecordingPolicy")]
[OutputType(typeof(RecordingPolicy))]
public sealed class GetRcRecordingPolicyCommand : RcCmdlet
{
    protected override void EndProcessing()
    {
        var api = Recordings;
        try
        {
            WriteObject(Run(ct => api.GetPolicyAsync(RcEvents, ct)));
        }
        catch (RcApiException ex)
        {
            ThrowTerminating(ex, "call-recording");
        }
    }
}
