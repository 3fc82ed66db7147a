using System;

namespace RingCentral.CallLog.Report;

/// <summary>What the page's header says besides the data: title, when and by which module version it was made.</summary>
internal sealed class CallReportHeader
{
    public CallReportHeader(string title, DateTimeOffset generated, string moduleVersion, string? fallbackAccount)
    {
        Title = title;
        Generated = generated;
        ModuleVersion = moduleVersion;
        FallbackAccount = fallbackAccount;
    }

    public string Title { get; }

    public DateTimeOffset Generated { get; }

    public string ModuleVersion { get; }

    /// <summary>The account to name when no record names one (the current connection's, if any).</summary>
    public string? FallbackAccount { get; }
}
