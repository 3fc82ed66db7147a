namespace RingCentral.CallLog.Tests.Json.Schema;

/// <summary>
/// One-step-smaller variants of a failing page, for <see cref="PropertyCheck"/>: without one of its
/// records; else (one record left) the record without one of its members, at any depth, or with a
/// string value cut to half or an array without one element.
/// </summary>
internal static class PageReducer
{
    public static IEnumerable<GeneratedPage> Smaller(GeneratedPage page)
    {
        if (page.Records.Count > 1)
        {
            for (var i = 0; i < page.Records.Count; i++)
            {
                yield return With(page, page.Records.Where((_, j) => j != i).ToList());
            }

            yield break;
        }

        foreach (var record in Smaller(page.Records[0]))
        {
            yield return With(page, [record]);
        }
    }

    private static GeneratedPage With(GeneratedPage page, IReadOnlyList<WireObject> records) => new(page.View, page.Page, records, page.Layout);

    private static IEnumerable<WireObject> Smaller(WireObject value)
    {
        for (var i = 0; i < value.Members.Count; i++)
        {
            yield return new WireObject(value.Members.Where((_, j) => j != i).ToList());
        }

        for (var i = 0; i < value.Members.Count; i++)
        {
            var member = value.Members[i];
            if (member.NameEscaping != StringEscaping.Minimal)
            {
                var plain = value.Members.ToList();
                plain[i] = member with { NameEscaping = StringEscaping.Minimal };
                yield return new WireObject(plain);
            }

            foreach (var child in Smaller(member.Value))
            {
                var members = value.Members.ToList();
                members[i] = member with { Value = child };
                yield return new WireObject(members);
            }
        }
    }

    private static IEnumerable<WireValue> Smaller(WireValue value)
    {
        switch (value)
        {
            case WireObject o:
                foreach (var smaller in Smaller(o))
                {
                    yield return smaller;
                }

                break;
            case WireArray a:
                for (var i = 0; i < a.Items.Count; i++)
                {
                    yield return new WireArray(a.Items.Where((_, j) => j != i).ToList());
                }

                for (var i = 0; i < a.Items.Count; i++)
                {
                    foreach (var child in Smaller(a.Items[i]))
                    {
                        var items = a.Items.ToList();
                        items[i] = child;
                        yield return new WireArray(items);
                    }
                }

                break;
            case WireString { Value.Length: > 0 } s:
                // Cut to half, keeping surrogate pairs whole.
                var half = s.Value.Length / 2;
                if (half > 0 && char.IsHighSurrogate(s.Value[half - 1]))
                {
                    half--;
                }

                yield return s with { Value = s.Value[..half] };
                if (s.Escaping != StringEscaping.Minimal)
                {
                    yield return s with { Escaping = StringEscaping.Minimal };
                }

                break;
        }
    }
}
