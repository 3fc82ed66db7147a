using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace RingCentral.CallLog.Client.Api;

/// <summary>One page of a listing: its records (or their raw JSON) and the next page's URI.</summary>
internal sealed class CallLogPage
{
    public CallLogPage(IReadOnlyList<CallLogRecord> records, IReadOnlyList<string>? rawRecords, Uri? nextPage, DateTimeOffset? serverDate = null)
    {
        Records = records;
        RawRecords = rawRecords;
        NextPage = nextPage;
        ServerDate = serverDate;
    }

    public IReadOnlyList<CallLogRecord> Records { get; }

    /// <summary>Each record's JSON text exactly as received (only when asked for).</summary>
    public IReadOnlyList<string>? RawRecords { get; }

    public Uri? NextPage { get; }

    /// <summary>The answer's Date header: RingCentral's clock when it answered (null when absent).</summary>
    public DateTimeOffset? ServerDate { get; }
}
