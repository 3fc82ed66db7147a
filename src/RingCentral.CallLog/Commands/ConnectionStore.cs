using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;

namespace RingCentral.CallLog.Commands;

/// <summary>
/// The current connection of each runspace. Not a process-wide static: two runspaces
/// (ForEach-Object -Parallel, thread jobs, hosted runspaces) can be signed in to different accounts.
/// </summary>
internal static class ConnectionStore
{
    private static readonly ConditionalWeakTable<Runspace, Holder> s_current = new();

    public static RcConnection? Get()
    {
        var runspace = Runspace.DefaultRunspace;
        return runspace is not null && s_current.TryGetValue(runspace, out var holder) ? holder.Connection : null;
    }

    public static void Set(RcConnection? connection)
    {
        var runspace = Runspace.DefaultRunspace;
        if (runspace is not null)
        {
            s_current.GetValue(runspace, _ => new Holder()).Connection = connection;
        }
    }

    private sealed class Holder
    {
        public RcConnection? Connection { get; set; }
    }
}
