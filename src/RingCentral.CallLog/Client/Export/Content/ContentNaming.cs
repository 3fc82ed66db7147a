using System;
using System.Collections.Generic;
using System.Linq;

namespace RingCentral.CallLog.Client.Export.Content;

/// <summary>
/// What one kind of content brings to the engine's file names: the template tokens it offers, its
/// two default templates (with a call or message to draw on, and from an id alone), the ids that
/// end a name made unique, and the extensions its files may get. One instance per kind, held by its
/// adapter.
/// </summary>
internal sealed class ContentNaming
{
    public ContentNaming(string kind, string noun, IReadOnlyList<string> tokens, string richTemplate, string idTemplate, IReadOnlyList<string> extensions)
    {
        Kind = kind;
        Noun = noun;
        Tokens = tokens;
        RichTemplate = richTemplate;
        IdTemplate = idTemplate;
        Extensions = extensions;
    }

    public string Kind { get; }

    /// <summary>The word messages use for one item: "recording", "message attachment".</summary>
    public string Noun { get; }

    /// <summary>The tokens a -FileNameTemplate may use for this kind.</summary>
    public IReadOnlyList<string> Tokens { get; }

    /// <summary>The default when the input told about the call (or message).</summary>
    public string RichTemplate { get; }

    /// <summary>The default when the input was an id alone.</summary>
    public string IdTemplate { get; }

    /// <summary>The extensions this kind's files may get (<see cref="MediaTypes.Unknown"/> among them); an existing file with any of them counts.</summary>
    public IReadOnlyList<string> Extensions { get; }

    /// <summary>The extension for a Content-Type, among this kind's extensions (else <see cref="MediaTypes.Unknown"/>).</summary>
    public string ExtensionFor(string? contentType)
    {
        var extension = MediaTypes.ExtensionFor(contentType);
        return Extensions.Contains(extension, StringComparer.Ordinal) ? extension : MediaTypes.Unknown;
    }
}
