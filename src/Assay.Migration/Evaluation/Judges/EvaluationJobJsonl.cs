using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Assay.Migration.Runs;

namespace Assay.Migration.Evaluation.Judges;

/// <summary>One record of a managed evaluation job's dataset (Bedrock's "bring your own inference responses" JSONL).</summary>
public sealed record EvaluationJobRecord(string Prompt, string Category, string? ReferenceResponse, string Response, string ModelIdentifier);

/// <summary>One record of a managed evaluation job's output: the input record and the score of each metric (0..1; null when the service gave none).</summary>
public sealed record EvaluationJobResult(EvaluationJobRecord Input, IReadOnlyDictionary<string, double?> Scores)
{
    /// <summary>Where the record was read, <c>FILE line N</c>, for notes about records that match no call.</summary>
    public string Source { get; init; } = "";
}

/// <summary>
/// Export of a study's responses as a managed evaluation job's dataset, one JSON object per line:
/// <c>{"prompt", "category", "referenceResponse", "modelResponses": [{"response", "modelIdentifier"}]}</c>,
/// and import of the job's output records (<c>automatedEvaluationResult.scores[]</c> of
/// <c>{metricName, result}</c> beside the input record), so a team can compare the managed
/// service's judge with Assay's on the same responses. Imported scores become metrics
/// <c>managed.&lt;metric&gt;</c> (e.g. <c>managed.correctness</c>).
/// </summary>
public static class EvaluationJobJsonl
{
    /// <summary>The largest job output file read (256 MiB), and the most records in one.</summary>
    public const long MaxFileBytes = 256L * 1024 * 1024;

    public const int MaxRecords = 1_000_000;

    /// <summary>The records for one model: its successful calls (first repeat per item), with the item's reference.</summary>
    public static IReadOnlyList<EvaluationJobRecord> ForModel(string model, IReadOnlyList<GenerationRecord> records, IReadOnlyList<StudyItem> items, string category = "Summarization")
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(items);
        var refs = items.GroupBy(i => i.ItemId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Reference, StringComparer.Ordinal);
        return records.Where(r => r.Model == model && r.Error is null && r.HasResponse)
            .GroupBy(r => r.ItemId, StringComparer.Ordinal)
            .Select(g => g.MinBy(r => r.Repeat)!)
            .OrderBy(r => r.ItemId, StringComparer.Ordinal)
            .Select(r => new EvaluationJobRecord(r.Prompt, category, refs.GetValueOrDefault(r.ItemId), r.Response!, r.ModelId))
            .ToList();
    }

    /// <summary>
    /// Writes one job input file per model, <c>DIR/LABEL.jsonl</c> (a label's characters other than
    /// letters, digits, '.', '-' and '_' become '_'), each a dataset for a "bring your own inference
    /// responses" job; returns the files and their record counts.
    /// </summary>
    public static async Task<IReadOnlyList<(string Path, int Records)>> ExportAsync(string directory, IEnumerable<string> models, IReadOnlyList<GenerationRecord> records, IReadOnlyList<StudyItem> items, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(models);
        Directory.CreateDirectory(directory);
        var written = new List<(string, int)>();
        foreach (var model in models)
        {
            var rows = ForModel(model, records, items);
            var name = string.Concat(model.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_'));
            var path = Path.Combine(directory, name + ".jsonl");
            await WriteAsync(path, rows, cancellationToken);
            written.Add((path, rows.Count));
        }

        return written;
    }

    /// <summary>Writes the dataset file atomically.</summary>
    public static async Task WriteAsync(string path, IEnumerable<EvaluationJobRecord> records, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(records);
        var sb = new StringBuilder();
        foreach (var r in records)
        {
            var o = new JsonObject
            {
                ["prompt"] = r.Prompt,
                ["category"] = r.Category,
                ["referenceResponse"] = r.ReferenceResponse ?? "",
                ["modelResponses"] = new JsonArray(new JsonObject { ["response"] = r.Response, ["modelIdentifier"] = r.ModelIdentifier }),
            };
            sb.Append(o.ToJsonString()).Append('\n');
        }

        await AtomicFile.WriteAllTextAsync(path, sb.ToString(), cancellationToken);
    }

    /// <summary>Reads a job's output records; a line that is not such a record is an error naming the file and line.</summary>
    public static async Task<IReadOnlyList<EvaluationJobResult>> ReadResultsAsync(string path, CancellationToken cancellationToken = default)
    {
        if (!File.Exists(path))
        {
            throw new AssayException($"{path}: file not found; give the evaluation job's output .jsonl file.");
        }

        if (new FileInfo(path).Length > MaxFileBytes)
        {
            throw new AssayException($"{path}: larger than {MaxFileBytes / (1024 * 1024)} MiB; split the evaluation job's output into smaller files.");
        }

        var lines = await File.ReadAllLinesAsync(path, cancellationToken);
        if (lines.Length > MaxRecords)
        {
            throw new AssayException($"{path}: {lines.Length} lines, more than the {MaxRecords} records read from one file; split it.");
        }

        var results = new List<EvaluationJobResult>();
        for (var i = 0; i < lines.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i]))
            {
                continue;
            }

            try
            {
                results.Add(ParseResult(lines[i]) with { Source = $"{path} line {i + 1}" });
            }
            catch (Exception ex) when (ex is JsonException or FormatException or InvalidOperationException)
            {
                throw new AssayException($"{path}, line {i + 1}: not an evaluation job output record ({ex.Message}).", ExitCodes.BadInput, ex);
            }
        }

        return results;
    }

    internal static EvaluationJobResult ParseResult(string line)
    {
        var root = JsonNode.Parse(line)?.AsObject() ?? throw new FormatException("empty line");
        var input = root["inputRecord"]?.AsObject() ?? root;
        var responses = (input["modelResponses"] ?? root["modelResponses"])?.AsArray();
        var first = responses?.FirstOrDefault()?.AsObject() ?? throw new FormatException("no modelResponses[0]");
        var record = new EvaluationJobRecord(
            input["prompt"]?.GetValue<string>() ?? throw new FormatException("no \"prompt\""),
            input["category"]?.GetValue<string>() ?? "",
            input["referenceResponse"]?.GetValue<string>(),
            first["response"]?.GetValue<string>() ?? throw new FormatException("no modelResponses[0].response"),
            first["modelIdentifier"]?.GetValue<string>() ?? "");
        var scores = new Dictionary<string, double?>(StringComparer.Ordinal);
        var list = root["automatedEvaluationResult"]?["scores"]?.AsArray() ?? throw new FormatException("no automatedEvaluationResult.scores");
        foreach (var s in list)
        {
            var name = s?["metricName"]?.GetValue<string>() ?? throw new FormatException("a score without metricName");
            var result = s["result"];
            double? value = result is JsonValue v && v.TryGetValue<double>(out var d) ? d : null;
            if (value is < 0 or > 1 || value is { } x && !double.IsFinite(x))
            {
                throw new FormatException($"score {name} is {value}, not a result from 0 to 1");
            }

            scores[MetricKey(name)] = value;
        }

        return new EvaluationJobResult(record, scores);
    }

    /// <summary>"Builtin.ProfessionalStyleAndTone" becomes <c>managed.professional_style_and_tone</c>.</summary>
    public static string MetricKey(string metricName)
    {
        ArgumentNullException.ThrowIfNull(metricName);
        var name = metricName.StartsWith("Builtin.", StringComparison.Ordinal) ? metricName["Builtin.".Length..] : metricName;
        var sb = new StringBuilder("managed.");
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0 && !char.IsUpper(name[i - 1]))
            {
                sb.Append('_');
            }

            sb.Append(char.ToLowerInvariant(name[i]));
        }

        return sb.ToString();
    }
}
