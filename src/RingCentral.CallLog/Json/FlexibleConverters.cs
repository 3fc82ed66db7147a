using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace RingCentral.CallLog.Json;

/// <summary>Skipping inside a converter, the way that works when the body streams in.</summary>
internal static class JsonReaderSkip
{
    /// <summary>
    /// Skips the value the reader is on, with all it nests. <c>Utf8JsonReader.Skip()</c> refuses to
    /// run on a reader that is not on the final block, which is every reader a converter gets while
    /// a response streams in, even though the serializer has buffered the whole value for it;
    /// <c>TrySkip()</c> works there and only fails when the value is really incomplete.
    /// </summary>
    public static void SkipValue(this ref Utf8JsonReader reader)
    {
        if (!reader.TrySkip())
        {
            throw new JsonException("A JSON value ended before it was complete.");
        }
    }
}

/// <summary>Reads a string, a number (e.g. extension.id) or a boolean as a string; skips objects and arrays.</summary>
internal sealed class FlexibleStringConverter : JsonConverter<string?>
{
    public override bool HandleNull => true;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return reader.GetString();
            case JsonTokenType.Number:
                return System.Text.Encoding.UTF8.GetString(reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan.ToArray());
            case JsonTokenType.True:
                return "true";
            case JsonTokenType.False:
                return "false";
            case JsonTokenType.StartObject:
            case JsonTokenType.StartArray:
                reader.SkipValue();
                return null;
            default:
                return null;
        }
    }

    public override void Write(Utf8JsonWriter writer, string? value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}

/// <summary>Reads a number, or a string holding a number; anything else is null.</summary>
internal sealed class FlexibleInt64Converter : JsonConverter<long?>
{
    public override bool HandleNull => true;

    public override long? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Number:
                if (reader.TryGetInt64(out var whole))
                {
                    return whole;
                }

                return (long)Math.Round(reader.GetDouble());
            case JsonTokenType.String:
                return long.TryParse(reader.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) ? parsed : null;
            case JsonTokenType.StartObject:
            case JsonTokenType.StartArray:
                reader.SkipValue();
                return null;
            default:
                return null;
        }
    }

    public override void Write(Utf8JsonWriter writer, long? value, JsonSerializerOptions options)
    {
        if (value is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            writer.WriteNumberValue(value.Value);
        }
    }
}

/// <summary>Reads true/false, or "true"/"false" strings; anything else is null.</summary>
internal sealed class FlexibleBooleanConverter : JsonConverter<bool?>
{
    public override bool HandleNull => true;

    public override bool? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.True:
                return true;
            case JsonTokenType.False:
                return false;
            case JsonTokenType.String:
                return bool.TryParse(reader.GetString(), out var parsed) ? parsed : null;
            case JsonTokenType.StartObject:
            case JsonTokenType.StartArray:
                reader.SkipValue();
                return null;
            default:
                return null;
        }
    }

    public override void Write(Utf8JsonWriter writer, bool? value, JsonSerializerOptions options)
    {
        if (value is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            writer.WriteBooleanValue(value.Value);
        }
    }
}

/// <summary>
/// Reads a party object; an array of parties (as other RingCentral resources send for "to") gives its
/// first element, anything else null.
/// </summary>
internal sealed class PartyConverter : JsonConverter<PartyDto?>
{
    private static readonly FlexibleStringConverter s_text = new();

    public override bool HandleNull => true;

    public override PartyDto? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                return ReadParty(ref reader);
            case JsonTokenType.StartArray:
                PartyDto? first = null;
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    if (reader.TokenType == JsonTokenType.StartObject && first is null)
                    {
                        first = ReadParty(ref reader);
                    }
                    else
                    {
                        reader.SkipValue();
                    }
                }

                return first;
            default:
                reader.SkipValue();
                return null;
        }
    }

    public override void Write(Utf8JsonWriter writer, PartyDto? value, JsonSerializerOptions options) => writer.WriteNullValue();

    /// <summary>Reads the party object the reader is on (at its StartObject).</summary>
    internal static PartyDto ReadParty(ref Utf8JsonReader reader)
    {
        var party = new PartyDto();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString();
            reader.Read();
            switch (name)
            {
                case "phoneNumber":
                    party.PhoneNumber = s_text.Read(ref reader, typeof(string), null!);
                    break;
                case "extensionNumber":
                    party.ExtensionNumber = s_text.Read(ref reader, typeof(string), null!);
                    break;
                case "extensionId":
                    party.ExtensionId = s_text.Read(ref reader, typeof(string), null!);
                    break;
                case "name":
                    party.Name = s_text.Read(ref reader, typeof(string), null!);
                    break;
                case "location":
                    party.Location = s_text.Read(ref reader, typeof(string), null!);
                    break;
                default:
                    reader.SkipValue();
                    break;
            }
        }

        return party;
    }
}

/// <summary>
/// Reads a list of parties (a message's "to"): each object of an array in order, a lone object as
/// a list of one; items that are not objects are skipped, anything else is null.
/// </summary>
internal sealed class PartyListConverter : JsonConverter<List<PartyDto>?>
{
    public override bool HandleNull => true;

    public override List<PartyDto>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                return new List<PartyDto> { PartyConverter.ReadParty(ref reader) };
            case JsonTokenType.StartArray:
                var parties = new List<PartyDto>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    if (reader.TokenType == JsonTokenType.StartObject)
                    {
                        parties.Add(PartyConverter.ReadParty(ref reader));
                    }
                    else
                    {
                        reader.SkipValue();
                    }
                }

                return parties;
            default:
                reader.SkipValue();
                return null;
        }
    }

    public override void Write(Utf8JsonWriter writer, List<PartyDto>? value, JsonSerializerOptions options) => writer.WriteNullValue();
}

/// <summary>
/// Reads a message's attachments: each object of the array; an item that is not an object is
/// skipped, so one odd item cannot fail the whole page. Anything but an array is null.
/// </summary>
internal sealed class AttachmentListConverter : JsonConverter<List<MessageAttachmentDto>?>
{
    public override bool HandleNull => true;

    public override List<MessageAttachmentDto>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            reader.SkipValue();
            return null;
        }

        var attachments = new List<MessageAttachmentDto>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType == JsonTokenType.StartObject && JsonSerializer.Deserialize(ref reader, WireJsonContext.Default.MessageAttachmentDto) is { } attachment)
            {
                attachments.Add(attachment);
            }
            else
            {
                reader.SkipValue();
            }
        }

        return attachments;
    }

    public override void Write(Utf8JsonWriter writer, List<MessageAttachmentDto>? value, JsonSerializerOptions options) => writer.WriteNullValue();
}
