using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;

namespace RingCentral.CallLog.Commands;

/// <summary>
/// The shared half of the attributes that let a parameter take a cmdlet's own output rows or the same
/// rows read back with Import-Csv: one item or a list of them, each converted on its own. (A helper
/// method, not a generic attribute base: generic attribute types are not safe on Windows PowerShell 5.1's .NET Framework.)
/// </summary>
internal static class TransformedRows
{
    public static TRow[] Each<TRow>(object inputData, Func<object?, TRow> convert)
    {
        var items = new List<TRow>();
        var value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
        if (value is IEnumerable sequence and not string)
        {
            foreach (var item in sequence)
            {
                items.Add(convert(item));
            }
        }
        else
        {
            items.Add(convert(inputData));
        }

        return items.ToArray();
    }
}
