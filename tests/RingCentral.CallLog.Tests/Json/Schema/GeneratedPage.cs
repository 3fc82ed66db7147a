using System.Text;

namespace RingCentral.CallLog.Tests.Json.Schema;

/// <summary>A generated call log page: its records as sent, each record's text, and the body's bytes.</summary>
internal sealed class GeneratedPage
{
    public GeneratedPage(string view, WireObject page, IReadOnlyList<WireObject> records, WireLayout layout)
    {
        View = view;
        Page = page;
        Records = records;
        Layout = layout;
        RecordTexts = records.Select(r => WireJsonWriter.Write(r, layout)).ToList();
        Text = WireJsonWriter.WritePage(page, RecordTexts, layout);
        Body = Encoding.UTF8.GetBytes(Text);
    }

    public string View { get; }

    /// <summary>The page object (its <c>records</c> member is a placeholder; see <see cref="Records"/>).</summary>
    public WireObject Page { get; }

    public IReadOnlyList<WireObject> Records { get; }

    public WireLayout Layout { get; }

    /// <summary>Each record's JSON exactly as it appears in the body: what <c>-Raw</c> must give back.</summary>
    public IReadOnlyList<string> RecordTexts { get; }

    public string Text { get; }

    public byte[] Body { get; }

    /// <summary>navigation.nextPage.uri as sent, or null.</summary>
    public Uri? NextPage =>
        Page["navigation"] is WireObject navigation && navigation["nextPage"] is WireObject next && next["uri"] is WireString uri
            ? new Uri(uri.Value)
            : null;

    /// <summary>What a failure report shows: the size, and the records themselves when there are few.</summary>
    public override string ToString()
    {
        var sb = new StringBuilder($"{Records.Count} {View} record(s), {Body.Length} bytes, {Layout} layout");
        foreach (var text in RecordTexts.Take(3))
        {
            sb.Append('\n').Append(text.Length > 20_000 ? text[..20_000] + "..." : text);
        }

        return sb.ToString();
    }
}
