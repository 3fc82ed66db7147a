using System.Text.Json;

namespace RingCentral.Simulator.Json;

/// <summary>RingCentral error bodies: the legacy top-level errorCode/message plus errors[] with the numeric code.</summary>
internal static class ErrorBodies
{
    public static byte[] Api(string legacyCode, string code, string message, string? parameterName = null, string? parameterValue = null, string? permissionName = null)
        => JsonBody.Build(w =>
        {
            w.WriteStartObject();
            w.WriteString("errorCode", legacyCode);
            w.WriteString("message", message);
            w.WriteStartArray("errors");
            w.WriteStartObject();
            w.WriteString("errorCode", code);
            w.WriteString("message", message);
            if (parameterName is not null) w.WriteString("parameterName", parameterName);
            if (parameterValue is not null) w.WriteString("parameterValue", parameterValue);
            if (permissionName is not null) w.WriteString("permissionName", permissionName);
            w.WriteEndObject();
            w.WriteEndArray();
            if (parameterName is not null) w.WriteString("parameterName", parameterName);
            if (permissionName is not null) w.WriteString("permissionName", permissionName);
            w.WriteEndObject();
        });

    public static byte[] InvalidParameter(string name, string? value)
        => Api("InvalidParameter", "CMN-101", $"Parameter [{name}] value is invalid.", name, value);

    public static byte[] NotFound(string parameterName)
        => Api("CMN-102", "CMN-102", $"Resource for parameter [{parameterName}] is not found", parameterName);

    /// <summary>403 CMN-404: an extension-level path names an extension the caller may not reach.</summary>
    public static byte[] AnotherExtension() => Api("InsufficientPermissions", "CMN-404", "Attempt to access another extension");

    public static byte[] InvalidUri() => Simple("CMN-120", "Invalid URI");

    public static byte[] RateExceeded() => Simple("CMN-301", "Request rate exceeded");

    public static byte[] Unavailable() => Simple("CMN-201", "Service Temporary Unavailable");

    public static byte[] Simple(string code, string message) => JsonBody.Build(w =>
    {
        w.WriteStartObject();
        w.WriteString("errorCode", code);
        w.WriteString("message", message);
        w.WriteStartArray("errors");
        w.WriteStartObject();
        w.WriteString("errorCode", code);
        w.WriteString("message", message);
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteEndObject();
    });

    /// <summary>OAuth error: {error, errors:[{errorCode, message, parameters?}], error_description}.</summary>
    public static byte[] OAuth(string error, string code, string description, string? parameterName = null, string? parameterValue = null)
        => JsonBody.Build(w =>
        {
            w.WriteStartObject();
            w.WriteString("error", error);
            w.WriteStartArray("errors");
            w.WriteStartObject();
            w.WriteString("errorCode", code);
            w.WriteString("message", description);
            if (parameterName is not null)
            {
                w.WriteStartArray("parameters");
                w.WriteStartObject();
                w.WriteString("parameterName", parameterName);
                w.WriteString("parameterValue", parameterValue ?? "");
                w.WriteEndObject();
                w.WriteEndArray();
            }
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteString("error_description", description);
            w.WriteEndObject();
        });
}
