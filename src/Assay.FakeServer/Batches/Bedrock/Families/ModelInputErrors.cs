using System.Text.Json;

namespace Assay.FakeServer.Batches.Bedrock.Families;

/// <summary>
/// The record error messages for a <c>modelInput</c> that does not fit its family, worded as
/// Bedrock's schema checks word them, with the field as a JSON pointer (<c>#/messages/0/role</c>).
/// </summary>
internal static class ModelInputErrors
{
    public static string Missing(string parent, string key) =>
        $"Malformed input request: {parent}: required key [{key}] not found, please reformat your input and try again.";

    public static string Type(string path, string expected, JsonElement found) =>
        $"Malformed input request: {path}: expected type: {expected}, found: {Kind(found)}, please reformat your input and try again.";

    public static string Invalid(string path, string reason) =>
        $"Malformed input request: {path}: {reason}, please reformat your input and try again.";

    /// <returns>An error unless the optional <paramref name="name"/> is absent or an integer in [min, max].</returns>
    public static string? OptionalInteger(JsonElement parent, string name, string path, int min, int max, out int? value)
    {
        value = null;
        if (!parent.TryGetProperty(name, out var element))
        {
            return null;
        }

        if (element.ValueKind != JsonValueKind.Number || !element.TryGetInt32(out var number))
        {
            return Type($"{path}/{name}", "Integer", element);
        }

        if (number < min || number > max)
        {
            return Invalid($"{path}/{name}", $"{number} is not between {min} and {max}");
        }

        value = number;
        return null;
    }

    /// <returns>An error unless each named field is absent or a number from 0 to 1.</returns>
    public static string? OptionalProbabilities(JsonElement parent, string path, params string[] names)
    {
        foreach (var name in names)
        {
            if (!parent.TryGetProperty(name, out var element))
            {
                continue;
            }

            if (element.ValueKind != JsonValueKind.Number)
            {
                return Type($"{path}/{name}", "Number", element);
            }

            var number = element.GetDouble();
            if (number is < 0 or > 1)
            {
                return Invalid($"{path}/{name}", $"{element.GetRawText()} is not between 0 and 1");
            }
        }

        return null;
    }

    /// <returns>An error unless the required <paramref name="name"/> is a string.</returns>
    public static string? RequiredString(JsonElement parent, string name, string path, out string value)
    {
        value = string.Empty;
        if (!parent.TryGetProperty(name, out var element))
        {
            return Missing(path, name);
        }

        if (element.ValueKind != JsonValueKind.String)
        {
            return Type($"{path}/{name}", "String", element);
        }

        value = element.GetString()!;
        return null;
    }

    private static string Kind(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => "JSONObject",
        JsonValueKind.Array => "JSONArray",
        JsonValueKind.String => "String",
        JsonValueKind.Number => element.TryGetInt64(out _) ? "Integer" : "BigDecimal",
        JsonValueKind.True or JsonValueKind.False => "Boolean",
        _ => "Null",
    };
}
