using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;

namespace RingCentral.CallLog;

/// <summary>
/// The legs of a call. A collection (so Select-Object -ExpandProperty Legs works) whose ToString
/// is a readable summary, so an Export-Csv cell never reads "System.Object[]".
/// </summary>
public sealed class CallLogLegCollection : ReadOnlyCollection<CallLogLeg>
{
    internal static readonly CallLogLegCollection Empty = new(Array.Empty<CallLogLeg>());

    internal CallLogLegCollection(IList<CallLogLeg> legs)
        : base(legs)
    {
    }

    public override string ToString() => string.Join("; ", this.Select(l => l.LegType ?? "leg"));
}
