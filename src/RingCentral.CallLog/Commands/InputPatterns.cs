namespace RingCentral.CallLog.Commands;

/// <summary>The patterns parameters are validated by, each defined once.</summary>
internal static class InputPatterns
{
    /// <summary>A call log record id or a recording id: letters, digits, '_' and '-', nothing that could leave a URL path segment.</summary>
    public const string Id = "^[A-Za-z0-9_-]+$";

    /// <summary>An extension id: digits, or '~' for the signed-in user's own extension.</summary>
    public const string ExtensionId = "^(~|[0-9]+)$";

    /// <summary>An extension number as dialled: digits, '*' and '#'.</summary>
    public const string ExtensionNumber = "^[0-9*#]+$";
}
