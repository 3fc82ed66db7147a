using System;
using System.Collections.Generic;

namespace RingCentral.CallLog.Client.Http;

/// <summary>One part of a multipart body: its headers and its text.</summary>
internal sealed class MultipartPart
{
    public MultipartPart(IReadOnlyDictionary<string, string> headers, string body)
    {
        Headers = headers;
        Body = body;
    }

    public IReadOnlyDictionary<string, string> Headers { get; }

    public string Body { get; }
}
