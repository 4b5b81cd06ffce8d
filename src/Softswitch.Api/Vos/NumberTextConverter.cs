using System.Text.Json;
using System.Text.Json.Serialization;

namespace Softswitch.Api.Vos;

/// <summary>
/// Reads a phone number given as a JSON string or as a JSON integer. InfoCustomerPhoneBookOverWrite (001_… §3.53)
/// types e164 and shortE164 as int while every other number in the manual is a String; both are taken, and the
/// integer's digits are kept as written. Anything else is a wrong type.
/// </summary>
public sealed class NumberTextConverter : JsonConverter<string>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType switch
        {
            JsonTokenType.String => reader.GetString(),
            JsonTokenType.Number when reader.TryGetInt64(out long value) && value >= 0 =>
                value.ToString(System.Globalization.CultureInfo.InvariantCulture),
            _ => throw new JsonException("Expected a number as String or Integer."),
        };

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}
