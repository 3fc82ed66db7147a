using System;
using System.Management.Automation;
using RingCentral.CallLog.Client.Api;

namespace RingCentral.CallLog.Commands;

/// <summary>
/// The parameters every call log cmdlet shares, declared once: the scope (-Account /
/// -ExtensionId) and the view. Get-RcCallLog, Get-RcActiveCall and Get-RcCallLogBatch derive from it.
/// </summary>
public abstract class CallLogScopedCmdlet : RcCmdlet
{
    /// <summary>The whole account (needs an admin user).</summary>
    [Parameter]
    public SwitchParameter Account { get; set; }

    /// <summary>One extension of the account, by id.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    [ValidatePattern(InputPatterns.ExtensionId)]
    public string? ExtensionId { get; set; }

    [Parameter]
    [ValidateSet("Simple", "Detailed")]
    public string View { get; set; } = "Simple";

    /// <summary>-Account / -ExtensionId / neither, as a scope; both is refused before any request.</summary>
    internal CallLogScope Scope()
    {
        if (Account && ExtensionId is not null)
        {
            ThrowInvalidArgument(new ArgumentException("Use -Account or -ExtensionId, not both.", nameof(ExtensionId)), ExtensionId);
        }

        return Account ? CallLogScope.Account : ExtensionId is null ? CallLogScope.CurrentExtension : CallLogScope.Extension(ExtensionId);
    }
}
