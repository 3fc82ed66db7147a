using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace RingCentral.CallLog.Client.Api;

/// <summary>The outcome for one id of a batch request: a record or an error.</summary>
internal sealed class BatchItem
{
    public BatchItem(string id, CallLogRecord? record, string? rawRecord, RcApiException? error)
    {
        Id = id;
        Record = record;
        RawRecord = rawRecord;
        Error = error;
    }

    public string Id { get; }

    public CallLogRecord? Record { get; }

    public string? RawRecord { get; }

    public RcApiException? Error { get; }
}
