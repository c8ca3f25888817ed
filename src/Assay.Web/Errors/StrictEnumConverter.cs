using System.Text.Json;
using System.Text.Json.Serialization;

namespace Assay.Web.Errors;

/// <summary>
/// Enums in request bodies as their documented names only (camelCase, any case accepted): a number
/// (<c>"mode": 99</c>) or an unknown name is refused with the list of valid values, never echoed
/// back or named by its .NET type. Answers write the camelCase name.
/// </summary>
internal sealed class StrictEnumConverter : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum;

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(Converter<>).MakeGenericType(typeToConvert))!;

    private sealed class Converter<TEnum> : JsonConverter<TEnum>
        where TEnum : struct, Enum
    {
        private static readonly string[] Names = [.. Enum.GetNames<TEnum>().Select(JsonNamingPolicy.CamelCase.ConvertName)];

        // Same order as Enum.GetNames (both sorted by value).
        private static readonly TEnum[] Values = Enum.GetValues<TEnum>();

        public override TEnum Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var text = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
            // Matched against the names, not Enum.TryParse: that also takes "99", and refusing every
            // digit to stop it refused names that hold one ("bm25").
            var position = text is null ? -1 : Array.FindIndex(Names, n => string.Equals(n, text, StringComparison.OrdinalIgnoreCase));
            if (position >= 0)
            {
                return Values[position];
            }

            var got = text is null ? $"a {reader.TokenType.ToString().ToLowerInvariant()}" : $"'{text}'";
            throw new JsonException($"expected one of {string.Join(", ", Names.Select(n => $"'{n}'"))} (as text), got {got}");
        }

        public override void Write(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options) =>
            writer.WriteStringValue(JsonNamingPolicy.CamelCase.ConvertName(value.ToString()));
    }
}
