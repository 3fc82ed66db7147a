namespace RingCentral.CallLog.Client.Api;

/// <summary>
/// One parameter of a call-log request. <see cref="IsFilter"/>: it decides which records the
/// listing holds (not only how they are shown or paged), so a checkpoint must be made for it.
/// </summary>
internal sealed class QueryParameter
{
    public QueryParameter(string name, string value, bool isFilter)
    {
        Name = name;
        Value = value;
        IsFilter = isFilter;
    }

    public string Name { get; }

    public string Value { get; }

    public bool IsFilter { get; }
}
