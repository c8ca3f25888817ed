using System.Text.Json;
using Assay.Migration.Runs;
using Assay.Tabular;
using Assay.Text;

namespace Assay.Migration.Datasets;

/// <summary>
/// Reads a study's dataset from CSV (header row) or JSONL (one object per line), by the
/// mapped columns. Errors name the file and the row or the columns found, and say what to do.
/// With a <see cref="TextSpill"/>, the file (CSV or JSONL) is read row by row and each document and reference goes to
/// the spill as it is read, so a dataset of 100,000 items is never held in memory as text.
/// </summary>
public static class DatasetLoader
{
    public static Dataset Load(string path, DatasetColumns columns, TextSpill? spill = null)
    {
        if (!File.Exists(path))
        {
            throw new AssayException($"{path}: dataset file not found; check dataset.path in the study file (relative paths start at the study file's folder).");
        }

        var items = new List<StudyItem>();
        var duplicates = new List<DuplicateRow>();
        var firstRowById = new Dictionary<string, int>(StringComparer.Ordinal);
        void Add(int row, string document, string? reference)
        {
            if (string.IsNullOrWhiteSpace(document))
            {
                throw new AssayException($"{path}: row {row} has an empty '{columns.Document}'; fill it in or delete the row.");
            }

            var id = ItemIds.For(document);
            if (firstRowById.TryGetValue(id, out var first))
            {
                duplicates.Add(new DuplicateRow(row, first, id));
                return;
            }

            firstRowById[id] = row;
            var item = new StudyItem { ItemId = id, Row = row, Document = document, Reference = string.IsNullOrWhiteSpace(reference) ? null : reference };
            items.Add(spill is null ? item : item.KeptIn(spill));
        }

        switch (Path.GetExtension(path).ToLowerInvariant())
        {
            case ".csv":
                ReadCsv(path, columns, Add);
                break;
            case ".jsonl" or ".ndjson":
                ReadJsonl(path, columns, Add);
                break;
            case var other:
                throw new AssayException($"{path}: unsupported dataset format '{other}'; use a .csv file with a header row or a .jsonl file with one JSON object per line.");
        }

        if (items.Count == 0)
        {
            throw new AssayException($"{path}: the dataset has no rows; add at least one row with a '{columns.Document}'.");
        }

        return new Dataset(path, items, duplicates);
    }

    // Strict: a ragged row, an unclosed quote, invalid UTF-8 or NUL stops with file, line and column (a dataset cut inside a quote is never quietly shorter).
    private static readonly TabularOptions Strict = new() { Fix = "then run the study again" };

    private static void ReadCsv(string path, DatasetColumns columns, Action<int, string, string?> add)
    {
        // Checked at the first row, so a wrong mapping stops before any row is kept; and after, for a file of no rows.
        var shape = TabularReader.ForEachCsvRow(path, Strict, (table, r) =>
        {
            if (r.Row == 1)
            {
                RequireColumns(path, [.. table.Header], columns, "columns");
            }

            add(r.Row, table.Text(r, columns.Document)!, columns.Reference is null ? null : table.Text(r, columns.Reference));
        });
        RequireColumns(path, [.. shape.Header], columns, "columns");
    }

    // Line by line: each object's texts are taken (and spilled) while its line is read, the line then dropped.
    private static void ReadJsonl(string path, DatasetColumns columns, Action<int, string, string?> add)
    {
        var rows = 0;
        JsonLines.ForEach(path, Strict, line =>
        {
            var root = line.Value;
            var names = root.EnumerateObject().Select(p => p.Name).ToArray();
            RequireColumns(path, names, columns, $"fields on line {line.Line}");
            add(++rows, AsText(root.GetProperty(columns.Document)), columns.Reference is not null && root.TryGetProperty(columns.Reference, out var r) ? AsText(r) : null);
        });
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
