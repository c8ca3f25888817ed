using System.Text.Json;
using Assay.Migration.Runs;
using Assay.Tabular;

namespace Assay.Migration.Datasets;

/// <summary>
/// Reads a study's dataset from CSV (header row) or JSONL (one object per line), by the
/// mapped columns. Errors name the file and the row or the columns found, and say what to do.
/// </summary>
public static class DatasetLoader
{
    public static Dataset Load(string path, DatasetColumns columns)
    {
        if (!File.Exists(path))
        {
            throw new AssayException($"{path}: dataset file not found; check dataset.path in the study file (relative paths start at the study file's folder).");
        }

        var rows = Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".csv" => ReadCsv(path, columns),
            ".jsonl" or ".ndjson" => ReadJsonl(path, columns),
            var other => throw new AssayException($"{path}: unsupported dataset format '{other}'; use a .csv file with a header row or a .jsonl file with one JSON object per line."),
        };

        var items = new List<StudyItem>();
        var duplicates = new List<DuplicateRow>();
        var firstRowById = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (row, document, reference) in rows)
        {
            if (string.IsNullOrWhiteSpace(document))
            {
                throw new AssayException($"{path}: row {row} has an empty '{columns.Document}'; fill it in or delete the row.");
            }

            var id = ItemIds.For(document);
            if (firstRowById.TryGetValue(id, out var first))
            {
                duplicates.Add(new DuplicateRow(row, first, id));
                continue;
            }

            firstRowById[id] = row;
            items.Add(new StudyItem { ItemId = id, Row = row, Document = document, Reference = string.IsNullOrWhiteSpace(reference) ? null : reference });
        }

        if (items.Count == 0)
        {
            throw new AssayException($"{path}: the dataset has no rows; add at least one row with a '{columns.Document}'.");
        }

        return new Dataset(path, items, duplicates);
    }

    // Strict: a ragged row, an unclosed quote, invalid UTF-8 or NUL stops with file, line and column (a dataset cut inside a quote is never quietly shorter).
    private static readonly TabularOptions Strict = new() { Fix = "then run the study again" };

    private static List<(int Row, string Document, string? Reference)> ReadCsv(string path, DatasetColumns columns)
    {
        var table = TabularReader.ReadCsv(path, Strict);
        RequireColumns(path, [.. table.Header], columns, "columns");
        return [.. table.Rows.Select(r => (r.Row, table.Text(r, columns.Document)!, columns.Reference is null ? null : table.Text(r, columns.Reference)))];
    }

    private static List<(int Row, string Document, string? Reference)> ReadJsonl(string path, DatasetColumns columns)
    {
        var rows = new List<(int, string, string?)>();
        foreach (var line in JsonLines.Read(path, Strict).Lines)
        {
            var root = line.Value;
            var names = root.EnumerateObject().Select(p => p.Name).ToArray();
            RequireColumns(path, names, columns, $"fields on line {line.Line}");
            rows.Add((rows.Count + 1, AsText(root.GetProperty(columns.Document)), columns.Reference is not null && root.TryGetProperty(columns.Reference, out var r) ? AsText(r) : null));
        }

        return rows;
    }

    private static string AsText(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString() ?? string.Empty,
        JsonValueKind.Null or JsonValueKind.Undefined => string.Empty,
        _ => value.GetRawText(),
    };

    private static void RequireColumns(string path, string[] found, DatasetColumns columns, string what)
    {
        var missing = new List<string>();
        if (!found.Contains(columns.Document, StringComparer.Ordinal))
        {
            missing.Add(columns.Document);
        }

        if (columns.Reference is not null && !found.Contains(columns.Reference, StringComparer.Ordinal))
        {
            missing.Add(columns.Reference);
        }

        if (missing.Count > 0)
        {
            var shown = string.Join(", ", found.Select(f => $"'{f}'"));
            throw new AssayException(
                $"{path}: no {string.Join(" or ", missing.Select(m => $"'{m}'"))} among the {what} ({shown}); map yours with dataset.documentColumn / dataset.referenceColumn in the study file.");
        }
    }
}
