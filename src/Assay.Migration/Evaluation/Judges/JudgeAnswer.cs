using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Assay.Migration.Evaluation.Judges;

/// <summary>A judge answer read as a score on 0..1 with the judge's reasons.</summary>
internal sealed record JudgeScore(double Score, string Reasons);

/// <summary>A pairwise answer: which position won (<c>A</c>, <c>B</c>) or a tie, with the reasons.</summary>
internal sealed record PairwiseChoice(char? Winner, string Reasons);

/// <summary>A judge answer that is not what was asked for; the message says what was wrong.</summary>
internal sealed class JudgeAnswerException(string problem) : Exception(problem);

/// <summary>
/// Reads judge answers. Accepts the JSON object anywhere in the answer (code fences and text
/// around it are common), a score given as a number or numeric string ("4", "4/5"); rejects
/// anything else with a message rather than guessing, so a bad answer never becomes a 0.
/// </summary>
internal static partial class JudgeAnswer
{
    public static JudgeScore ParseScore(string answer, JudgeScale scale)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var json = FindObject(answer) ?? throw new JudgeAnswerException("no JSON object in the answer");
        if (!TryGet(json, "score", out var raw))
        {
            throw new JudgeAnswerException("the JSON object has no \"score\"");
        }

        var value = ReadNumber(raw) ?? throw new JudgeAnswerException($"\"score\" is {raw.GetRawText()}, not a number");
        var reasons = TryGet(json, "reasons", out var r) || TryGet(json, "reason", out r) ? Text(r) : "";
        return scale switch
        {
            JudgeScale.FiveLevels when value is >= 1 and <= 5 && value == Math.Floor(value) => new JudgeScore((value - 1) / 4, reasons),
            JudgeScale.FiveLevels => throw new JudgeAnswerException($"score {value.ToString(CultureInfo.InvariantCulture)} is not an integer from 1 to 5"),
            _ when value is 0 or 1 => new JudgeScore(value, reasons),
            _ => throw new JudgeAnswerException($"score {value.ToString(CultureInfo.InvariantCulture)} is not 0 or 1"),
        };
    }

    public static PairwiseChoice ParseChoice(string answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var json = FindObject(answer) ?? throw new JudgeAnswerException("no JSON object in the answer");
        if (!TryGet(json, "winner", out var w) || w.ValueKind != JsonValueKind.String)
        {
            throw new JudgeAnswerException("the JSON object has no \"winner\" string");
        }

        var reasons = TryGet(json, "reasons", out var r) ? Text(r) : "";
        var text = w.GetString()!.Trim().Trim('"').ToUpperInvariant();
        return text switch
        {
            "A" or "RESPONSE A" => new PairwiseChoice('A', reasons),
            "B" or "RESPONSE B" => new PairwiseChoice('B', reasons),
            "TIE" or "NEITHER" or "EQUAL" or "BOTH" => new PairwiseChoice(null, reasons),
            _ => throw new JudgeAnswerException($"\"winner\" is \"{w.GetString()}\", not A, B or tie"),
        };
    }

    // The first balanced {...} that parses as JSON, scanning past braces inside strings.
    private static JsonElement? FindObject(string text)
    {
        for (var start = text.IndexOf('{', StringComparison.Ordinal); start >= 0; start = text.IndexOf('{', start + 1))
        {
            var end = MatchingBrace(text, start);
            if (end < 0)
            {
                continue;
            }

            try
            {
                using var doc = JsonDocument.Parse(text.AsMemory(start, end - start + 1), new JsonDocumentOptions { AllowTrailingCommas = true });
                if (doc.RootElement.ValueKind == JsonValueKind.Object)
                {
                    return doc.RootElement.Clone();
                }
            }
            catch (JsonException)
            {
                // Not JSON from here (e.g. "{context}" in prose): try the next brace.
            }
        }

        return null;
    }

    private static int MatchingBrace(string text, int start)
    {
        var depth = 0;
        var inString = false;
        for (var i = start; i < text.Length; i++)
        {
            var c = text[i];
            if (inString)
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == '"')
                {
                    inString = false;
                }
            }
            else if (c == '"')
            {
                inString = true;
            }
            else if (c == '{')
            {
                depth++;
            }
            else if (c == '}' && --depth == 0)
            {
                return i;
            }
        }

        return -1;
    }

    private static bool TryGet(JsonElement obj, string name, out JsonElement value)
    {
        foreach (var p in obj.EnumerateObject())
        {
            if (string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                value = p.Value;
                return true;
            }
        }

        value = default;
        return false;
    }

    private static double? ReadNumber(JsonElement e)
    {
        if (e.ValueKind == JsonValueKind.Number)
        {
            return e.GetDouble();
        }

        if (e.ValueKind == JsonValueKind.String)
        {
            var m = LeadingNumber().Match(e.GetString()!);
            if (m.Success)
            {
                return double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
            }
        }

        return null;
    }

    private static string Text(JsonElement e) => e.ValueKind == JsonValueKind.String ? e.GetString()! : e.GetRawText();

    // "4", " 4 ", "4/5", "4 out of 5": the leading number; nothing else counts.
    [GeneratedRegex(@"^\s*(\d+(?:\.\d+)?)\s*(?:/\s*\d+|out of \d+)?\s*$")]
    private static partial Regex LeadingNumber();
}
