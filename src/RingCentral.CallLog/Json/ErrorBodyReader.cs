using System.Text.Json;

namespace RingCentral.CallLog.Json;

/// <summary>
/// Reads RingCentral's error bodies in all their forms: errors[0].errorCode first (the numeric
/// code), then the legacy top-level errorCode, then OAuth's error/error_description.
/// </summary>
internal static class ErrorBodyReader
{
    public static (string? Code, string? Message) Read(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return (null, null);
        }

        ErrorBodyDto? dto;
        try
        {
            dto = JsonSerializer.Deserialize(body!, WireJsonContext.Default.ErrorBodyDto);
        }
        catch (JsonException)
        {
            return (null, null);
        }

        if (dto is null)
        {
            return (null, null);
        }

        string? code = null;
        string? message = null;
        if (dto.Errors is { Count: > 0 } errors)
        {
            code = errors[0].ErrorCode;
            message = errors[0].Message;
        }

        code ??= dto.ErrorCode;
        message ??= dto.Message;
        if (dto.Error is not null)
        {
            // OAuth: "invalid_grant" plus, often, an OAU-xxx code in errors[].
            code = code is null ? dto.Error : dto.Error + "/" + code;
            message ??= dto.ErrorDescription;
            if (dto.ErrorDescription is not null && message != dto.ErrorDescription)
            {
                message = dto.ErrorDescription + " " + message;
            }
        }

        return (code, message);
    }
}
