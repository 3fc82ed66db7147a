using System;

namespace RingCentral.CallLog.Report;

/// <summary>What the page's header says besides the data: title, when and by which module version it was made.</summary>
internal sealed class CallReportHeader
{
    public CallReportHeader(string title, DateTimeOffset generated, string moduleVersion, string? fallbackAccount, string? fallbackAccountName = null)
    {
        Title = title;
        Generated = generated;
        ModuleVersion = moduleVersion;
        FallbackAccount = fallbackAccount;
        FallbackAccountName = fallbackAccountName;
    }

    public string Title { get; }

    public DateTimeOffset Generated { get; }

    public string ModuleVersion { get; }

    /// <summary>The account to name when no record names one (the current connection's, if any).</summary>
    public string? FallbackAccount { get; }

    /// <summary>The name of <see cref="FallbackAccount"/> (the current connection's company), if known.</summary>
    public string? FallbackAccountName { get; }

    /// <summary>How the header names an account: "Name (id)" when the name is known, else the id.</summary>
    public string Label(string accountId) =>
        FallbackAccountName is { } name && string.Equals(accountId, FallbackAccount, StringComparison.Ordinal) ? $"{name} ({accountId})" : accountId;
}
