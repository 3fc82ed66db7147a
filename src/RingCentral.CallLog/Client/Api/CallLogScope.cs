using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace RingCentral.CallLog.Client.Api;

/// <summary>Where a call-log request looks: the current extension, the whole account, or one extension.</summary>
internal sealed class CallLogScope
{
    public static readonly CallLogScope CurrentExtension = new(false, null);
    public static readonly CallLogScope Account = new(true, null);

    private CallLogScope(bool accountLevel, string? extensionId)
    {
        AccountLevel = accountLevel;
        ExtensionId = extensionId;
    }

    public bool AccountLevel { get; }

    public string? ExtensionId { get; }

    public static CallLogScope Extension(string id) => new(false, id);

    /// <summary>/restapi/v1.0/account/~ or /restapi/v1.0/account/~/extension/{id}.</summary>
    public string BasePath => AccountLevel ? "/restapi/v1.0/account/~" : "/restapi/v1.0/account/~/extension/" + Uri.EscapeDataString(ExtensionId ?? "~");
}
