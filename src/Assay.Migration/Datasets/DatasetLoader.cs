using System.Text.Json;
using Assay.Migration.Runs;
using CsvHelper;

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

    private static List<(int Row, string Document, string? Reference)> ReadCsv(string path, DatasetColumns columns)
    {
        using var csv = CsvReader.FromFile(path);
        var header = csv.Headers.ToArray();
        if (header.Length == 0)
        {
            throw new AssayException($"{path}: the file is empty; a dataset CSV needs a header row with '{columns.Document}'.");
        }

        RequireColumns(path, header, columns, "columns");
        var docIndex = Array.IndexOf(header, columns.Document);
        var refIndex = columns.Reference is null ? -1 : Array.IndexOf(header, columns.Reference);
        var rows = new List<(int, string, string?)>();
        var row = 0;
        while (csv.Read())
        {
            row++;
            rows.Add((row, csv.GetString(docIndex), refIndex >= 0 ? csv.GetString(refIndex) : null));
        }

        return rows;
    }

    private static List<(int Row, string Document, string? Reference)> ReadJsonl(string path, DatasetColumns columns)
    {
        var rows = new List<(int, string, string?)>();
        var line = 0;
        var row = 0;
        foreach (var text in File.ReadLines(path))
        {
            line++;
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            row++;
            JsonElement root;
            try
            {
                using var doc = JsonDocument.Parse(text);
                root = doc.RootElement.Clone();
            }
            catch (JsonException ex)
            {
                throw new AssayException($"{path}: line {line} is not valid JSON ({ex.Message}); each line must be one JSON object.", ex);
            }

            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new AssayException($"{path}: line {line} is not a JSON object; each line must be one object such as {{\"{columns.Document}\": \"...\"}}.");
            }

            var names = root.EnumerateObject().Select(p => p.Name).ToArray();
            RequireColumns(path, names, columns, $"fields on line {line}");
            rows.Add((row, AsText(root.GetProperty(columns.Document)), columns.Reference is not null && root.TryGetProperty(columns.Reference, out var r) ? AsText(r) : null));
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
