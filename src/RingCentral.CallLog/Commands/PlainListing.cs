using System;
using RingCentral.CallLog.Client;
using RingCentral.CallLog.Client.Api;

namespace RingCentral.CallLog.Commands;

/// <summary>The start of a Get-RcCallLog listing without -Checkpoint: a fixed end, and what -Verbose should know.</summary>
internal static class PlainListing
{
    public static void Start(GetRcCallLogCommand cmdlet, CallLogQuery query, RcConnection connection)
    {
        if (cmdlet.NewOnly)
        {
            cmdlet.ThrowInvalidArgument(new ArgumentException("-NewOnly applies to checkpointed runs only: add -Checkpoint <file>.", nameof(cmdlet.NewOnly)), cmdlet.NewOnly);
        }

        // Without dateTo each page counts its offset from its own "now": calls ending during the
        // export would push records down a page. One fixed end keeps the pages still. (A
        // -SessionId search takes no dates: RingCentral refuses it with dateTo, CLG-110.)
        if (query.DateTo is null && query.SessionId is null)
        {
            query.DateTo = ClientClock.UtcNow(connection.Session);
            cmdlet.WriteVerbose($"No -DateTo: sending the moment of the first request, {query.DateTo:o}, as dateTo, so calls that end during the export do not shift the pages.");
        }

        if (cmdlet.DateFrom is null && query.SessionId is null)
        {
            cmdlet.WriteVerbose("No -DateFrom: RingCentral returns only the 24 hours before -DateTo.");
        }
    }
}
