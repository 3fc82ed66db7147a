using System;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using RingCentral.CallLog.Client;
using RingCentral.CallLog.Client.Events;

namespace RingCentral.CallLog.Commands;

/// <summary>
/// Watch-RcCallEvent: one RcCallEvent per party status change, as RingCentral's WebSocket
/// subscription delivers it, until Ctrl+C, -Timeout or -First.
/// </summary>
[Cmdlet(VerbsCommon.Watch, "RcCallEvent")]
[OutputType(typeof(RcCallEvent))]
public sealed class WatchRcCallEventCommand : RcCmdlet
{
    /// <summary>The whole account (needs an admin user).</summary>
    [Parameter]
    public SwitchParameter Account { get; set; }

    /// <summary>The extensions to watch, by id ("~" is the signed-in user, the default).</summary>
    /// <remarks>
    /// A list here, unlike the one string of every other cmdlet: one subscription watches many
    /// extensions at once (one filter per extension and status), while a listing of several
    /// extensions is a loop over one. Help.Tests.ps1 names this exception.
    /// </remarks>
    [Parameter]
    [ValidateNotNullOrEmpty]
    [ValidatePattern(InputPatterns.ExtensionId)]
    public string[]? ExtensionId { get; set; }

    /// <summary>Only these status codes (Setup, Proceeding, Answered, Hold, VoiceMail, Disconnected, …).</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    [ValidatePattern(InputPatterns.Id)]
    public string[]? Status { get; set; }

    [Parameter]
    [ValidateSet("Inbound", "Outbound")]
    public string[] Direction { get; set; } = Array.Empty<string>();

    [Parameter]
    public SwitchParameter MissedCall { get; set; }

    [Parameter]
    public SwitchParameter WithRecording { get; set; }

    /// <summary>Stop after this long (the subscription is closed cleanly).</summary>
    [Parameter]
    public TimeSpan? Timeout { get; set; }

    /// <summary>Stop after this many events (UInt64 like -First of the listing cmdlets; not given = no limit).</summary>
    [Parameter]
    [ValidateRange(1UL, ulong.MaxValue)]
    public ulong First { get; set; }

    /// <summary>What a session that could not be recovered does: a warning naming the gap (Warn), or a terminating error (Stop).</summary>
    [Parameter]
    [ValidateSet("Warn", "Stop")]
    public string GapAction { get; set; } = "Warn";

    // Tests shorten the connection's timings: internal, never a parameter.
    internal static TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(30);

    internal static TimeSpan FirstBackoff { get; set; } = TimeSpan.FromSeconds(1);

    protected override void EndProcessing()
    {
        if (Account && ExtensionId is not null)
        {
            ThrowInvalidArgument(new ArgumentException("Use -Account or -ExtensionId, not both.", nameof(ExtensionId)), string.Join(",", ExtensionId));
        }

        if (Timeout is { } timeout && timeout <= TimeSpan.Zero)
        {
            ThrowInvalidArgument(new ArgumentException($"-Timeout must be longer than zero; it was {timeout}.", nameof(Timeout)), timeout);
        }

        var filters = new CallEventFilters
        {
            Account = Account,
            ExtensionIds = ExtensionId ?? Array.Empty<string>(),
            Statuses = Status ?? Array.Empty<string>(),
            // Both directions is no direction filter at all.
            Direction = Direction.Distinct(StringComparer.OrdinalIgnoreCase).Count() == 1 ? Direction[0] : null,
            MissedCallOnly = MissedCall,
            WithRecordingsOnly = WithRecording,
        }.Build();
        var watcher = new CallEventWatcher(Session.Core, filters, RcEvents)
        {
            StopOnGap = GapAction == "Stop",
            HeartbeatInterval = HeartbeatInterval,
            FirstBackoff = FirstBackoff,
        };
        Watch(watcher);
    }

    private void Watch(CallEventWatcher watcher)
    {
        // Ends the watch normally: -First reached, -Timeout passed, Ctrl+C, or the pipeline stopped downstream.
        using var end = CancellationTokenSource.CreateLinkedTokenSource(StopToken);
        if (Timeout is { } timeout)
        {
            end.CancelAfter(timeout);
        }

        var written = 0UL;
        var first = First == 0 ? ulong.MaxValue : First;
        void Deliver(RcCallEvent e)
        {
            if (written >= first)
            {
                return;
            }

            written++;
            Pump.PostOutput(() => WriteObject(e));
            if (written == first)
            {
                end.Cancel();
            }
        }

        var run = Task.Run(() => watcher.RunAsync(Deliver, end.Token));
        try
        {
            Pump.Run(run.ContinueWith(t => t, TaskScheduler.Default)).GetAwaiter().GetResult();
        }
        catch (RcApiException ex)
        {
            ThrowTerminating(ex, null);
        }
        catch (CallEventGapException ex)
        {
            ThrowTerminatingError(new ErrorRecord(ex, ErrorIds.CallEventGap, ErrorCategory.ConnectionError, null)
            {
                ErrorDetails = new ErrorDetails(ex.Message) { RecommendedAction = Hints.ForCallEventGap },
            });
        }
        finally
        {
            // Left early (Select-Object -First downstream, an error writing): still close the subscription.
            end.Cancel();
            if (!run.IsCompleted)
            {
                ((IAsyncResult)run).AsyncWaitHandle.WaitOne(TimeSpan.FromSeconds(10));
            }
        }

        if (StopToken.IsCancellationRequested)
        {
            throw new PipelineStoppedException();
        }
    }
}
