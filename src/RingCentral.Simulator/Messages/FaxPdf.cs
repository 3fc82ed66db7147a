using System.Globalization;
using System.Text;

namespace RingCentral.Simulator.Messages;

/// <summary>
/// A small, valid PDF 1.4 written by hand: one page per fax page (US Letter), each with a header
/// (sender, recipient, time, "Page i of n") and a few lines of body text in the standard Helvetica
/// font, which every reader has built in. Offsets in the cross-reference table are counted exactly,
/// so strict readers (pdfinfo, browsers) open it without repairing it. Deterministic for its inputs.
/// </summary>
internal static class FaxPdf
{
    private static readonly string[] BodyLines =
    [
        "Please find the signed referral form attached.",
        "Patient records requested for the appointment on Thursday.",
        "Insurance pre-authorization: approved, reference enclosed.",
        "Purchase order 4471 - please confirm delivery date.",
        "Lab results follow on the next pages.",
        "Kindly sign page two and fax it back to this number.",
        "Updated price list, valid from the first of next month.",
        "Treatment plan and estimate as discussed by phone.",
    ];

    public static byte[] Build(long seed, int pages, string from, string to, DateTimeOffset sent)
    {
        pages = Math.Max(1, pages);
        var objects = new List<string>();
        // 1 catalog, 2 page tree, 3 font; then per page: page object, content stream.
        var kids = string.Join(' ', Enumerable.Range(0, pages).Select(i => (4 + (2 * i)).ToString(CultureInfo.InvariantCulture) + " 0 R"));
        objects.Add("<< /Type /Catalog /Pages 2 0 R >>");
        objects.Add(string.Create(CultureInfo.InvariantCulture, $"<< /Type /Pages /Kids [{kids}] /Count {pages} >>"));
        objects.Add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>");
        for (var i = 0; i < pages; i++)
        {
            var content = PageContent(seed, i + 1, pages, from, to, sent);
            objects.Add(string.Create(CultureInfo.InvariantCulture,
                $"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents {5 + (2 * i)} 0 R >>"));
            objects.Add(string.Create(CultureInfo.InvariantCulture, $"<< /Length {Encoding.ASCII.GetByteCount(content)} >>\nstream\n{content}\nendstream"));
        }

        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var n = 0; n < objects.Count; n++)
        {
            offsets.Add(pdf.Length); // ASCII only: characters are bytes
            pdf.Append(CultureInfo.InvariantCulture, $"{n + 1} 0 obj\n{objects[n]}\nendobj\n");
        }
        var xref = pdf.Length;
        pdf.Append(CultureInfo.InvariantCulture, $"xref\n0 {objects.Count + 1}\n0000000000 65535 f \n");
        foreach (var o in offsets) pdf.Append(CultureInfo.InvariantCulture, $"{o:D10} 00000 n \n");
        pdf.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Count + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(pdf.ToString());
    }

    private static string PageContent(long seed, int page, int pages, string from, string to, DateTimeOffset sent)
    {
        var s = new StringBuilder();
        void Line(int size, int x, int y, string text)
            => s.Append(CultureInfo.InvariantCulture, $"BT /F1 {size} Tf {x} {y} Td ({Escape(text)}) Tj ET\n");
        Line(20, 72, 720, "FAX");
        Line(11, 72, 696, "From: " + from);
        Line(11, 72, 680, "To: " + to);
        Line(11, 72, 664, "Sent: " + sent.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture));
        Line(11, 430, 720, string.Create(CultureInfo.InvariantCulture, $"Page {page} of {pages}"));
        s.Append("0.5 w 72 650 m 540 650 l S\n");
        for (var k = 0; k < 6; k++)
        {
            var pick = (int)((ulong)(seed + (page * 7) + k) % (ulong)BodyLines.Length);
            Line(12, 72, 620 - (k * 22), BodyLines[pick]);
        }
        return s.ToString().TrimEnd('\n');
    }

    /// <summary>PDF literal strings: backslash and parentheses escaped; anything outside printable ASCII becomes '?'.</summary>
    private static string Escape(string text)
    {
        var s = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is '\\' or '(' or ')') s.Append('\\').Append(c);
            else s.Append(c is >= ' ' and <= '~' ? c : '?');
        }
        return s.ToString();
    }
}
