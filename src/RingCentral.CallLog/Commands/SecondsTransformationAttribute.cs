using System;
using System.Management.Automation;

namespace RingCentral.CallLog.Commands;

/// <summary>
/// Lets a TimeSpan parameter take a number of seconds (-Wait 45) as well as a TimeSpan
/// (-Wait 00:00:45): PowerShell alone would read 45 as 45 ticks.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
internal sealed class SecondsTransformationAttribute : ArgumentTransformationAttribute
{
    public override object Transform(EngineIntrinsics engineIntrinsics, object inputData)
    {
        var value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
        return value switch
        {
            int or long or short or byte or uint or ulong or ushort or sbyte => TimeSpan.FromSeconds(Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture)),
            double or float or decimal => TimeSpan.FromSeconds(Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture)),
            _ => inputData,
        };
    }
}
