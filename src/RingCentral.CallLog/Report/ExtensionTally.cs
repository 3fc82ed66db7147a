namespace RingCentral.CallLog.Report;

/// <summary>Missed calls of one extension (key: its id), with the name the page shows.</summary>
internal sealed class ExtensionTally
{
    public ExtensionTally(string key, string label)
    {
        Key = key;
        Label = label;
    }

    public string Key { get; }

    public string Label { get; }

    public int Count { get; set; }
}
