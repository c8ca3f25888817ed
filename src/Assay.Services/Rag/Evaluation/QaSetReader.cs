using System.Text.Json;

namespace Assay.Services.Rag.Evaluation;

/// <summary>
/// Reads a question set, one JSON object per line:
/// <c>{"question": "...", "file": "handbook.pdf", "page": 2, "evidence": ["20 paid vacation days"]}</c>,
/// or <c>{"question": "...", "answerable": false, "kind": "near-topic"}</c> for a question the documents
/// cannot answer; optional <c>"split": "dev"</c> or <c>"test"</c>. Errors name the file and line.
/// </summary>
public static class QaSetReader
{
    public static IReadOnlyList<QaItem> Read(string path)
    {
        if (!System.IO.File.Exists(path))
        {
            throw new AssayException($"Question set '{path}' not found: pass a JSONL file of questions.");
        }

        var items = new List<QaItem>();
        var lineNumber = 0;
        foreach (var line in System.IO.File.ReadLines(path))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line) || line.TrimStart().StartsWith("//", StringComparison.Ordinal))
            {
                continue;
            }

            items.Add(Parse(path, lineNumber, line));
        }

        if (items.Count == 0)
        {
            throw new AssayException($"Question set '{path}' has no questions: write one JSON object per line with a \"question\" field.");
        }

        return items;
    }

    private static QaItem Parse(string path, int line, string text)
    {
        try
        {
            using var json = JsonDocument.Parse(text);
            var root = json.RootElement;
            if (!root.TryGetProperty("question", out var q) || q.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(q.GetString()))
            {
                throw new AssayException($"{path} line {line}: field \"question\" is missing or empty.");
            }

            string? file = root.TryGetProperty("file", out var f) && f.ValueKind == JsonValueKind.String ? f.GetString() : null;
            int? page = root.TryGetProperty("page", out var p) && p.ValueKind == JsonValueKind.Number ? p.GetInt32() : null;
            var evidence = new List<string>();
            if (root.TryGetProperty("evidence", out var e))
            {
                if (e.ValueKind == JsonValueKind.String)
                {
                    evidence.Add(e.GetString()!);
                }
                else if (e.ValueKind == JsonValueKind.Array)
                {
                    evidence.AddRange(e.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()!));
                }
                else
                {
                    throw new AssayException($"{path} line {line}: field \"evidence\" must be a string or an array of strings.");
                }
            }

            var split = root.TryGetProperty("split", out var sp) && sp.ValueKind == JsonValueKind.String ? sp.GetString()! : "all";
            if (split is not ("dev" or "test" or "all"))
            {
                throw new AssayException($"{path} line {line}: field \"split\" is '{split}': use dev or test.");
            }

            string? kind = root.TryGetProperty("kind", out var k) && k.ValueKind == JsonValueKind.String ? k.GetString() : null;
            var answerable = !root.TryGetProperty("answerable", out var a) || a.ValueKind != JsonValueKind.False;
            if (!answerable)
            {
                return new QaItem(line, q.GetString()!, file, null, [], split, kind);
            }

            if (evidence.Count == 0 && page is null)
            {
                throw new AssayException($"{path} line {line}: an answerable question needs \"evidence\" (quoted text) or \"page\"; mark others \"answerable\": false.");
            }

            return new QaItem(line, q.GetString()!, file, page, evidence, split, kind);
        }
        catch (JsonException ex)
        {
            throw new AssayException($"{path} line {line}: not valid JSON ({ex.Message}).");
        }
    }
}
