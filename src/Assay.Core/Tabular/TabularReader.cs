using CsvHelper;

namespace Assay.Tabular;

/// <summary>How a CSV is read: what to do with bad rows, the most bytes accepted, and what the user can do about an error.</summary>
public sealed record TabularOptions
{
    public BadRows BadRows { get; init; } = BadRows.Fail;

    /// <summary>Files larger than this are refused before being read (default 512 MiB).</summary>
    public long MaxBytes { get; init; } = 512L * 1024 * 1024;

    /// <summary>The end of every error message: what else the user may do (e.g. "or set recordings: { badRows: skip }").</summary>
    public string Fix { get; init; } = "then run again";
}

/// <summary>
/// The one strict CSV reader of Assay (RFC 4180 with a header row, on CsvHelper): every row must
/// have the header's field count, a quote must close, the bytes must be UTF-8 without NUL. Each
/// error names file, line and column and is exit code 2; with <see cref="BadRows.Skip"/>, ragged
/// and badly quoted rows are listed instead (an unclosed quote always stops: where its row ends
/// cannot be known).
/// </summary>
public static class TabularReader
{
    public static TabularTable ReadCsv(string path, TabularOptions? options = null)
    {
        var rows = new List<TabularRow>();
        var shape = ForEachCsvRow(path, options, (_, row) => rows.Add(row));
        return new TabularTable(path, shape.Header, rows, shape.Skipped, shape.Fix);
    }

    /// <summary>
    /// Reads the CSV row by row under the same rules as <see cref="ReadCsv"/>, handing each row to
    /// <paramref name="onRow"/> with the table's shape (header and column lookup, no rows) instead of
    /// keeping it: a dataset of 100,000 rows is never held whole. Returns that shape with the skipped rows.
    /// </summary>
    public static TabularTable ForEachCsvRow(string path, TabularOptions? options, Action<TabularTable, TabularRow> onRow)
    {
        ArgumentNullException.ThrowIfNull(onRow);
        options ??= new TabularOptions();
        CheckSize(path, options);
        TextChecks.RequireCleanUtf8(path, options.Fix);
        var skipped = new List<SkippedRow>();
        var skip = options.BadRows == BadRows.Skip;
        // Parsed from the file as it streams; an error's position is found by reading it again (errors only).
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.SequentialScan);
        var reader = CsvReader.Create(stream, CsvReaderOptions.Default with
        {
            Separator = ',',
            HasHeader = true,
            AllowLineBreaksInQuotes = true,
            SkipEmptyLines = true,
            TrackLineNumbers = true,
            MalformedData = skip ? CsvMalformedDataHandling.Skip : CsvMalformedDataHandling.Throw,
            FieldCountMismatch = skip ? CsvFieldCountHandling.Skip : CsvFieldCountHandling.Throw,
            OnMalformedRecord = m =>
            {
                if (m.Reason == CsvMalformedReason.UnterminatedQuote)
                {
                    throw Unclosed(File.ReadAllBytes(path), path, options.Fix);
                }

                skipped.Add(new SkippedRow((int)m.LineNumber, Describe(m.Reason)));
            },
        }, leaveOpen: true);
        using (reader)
        {
            try
            {
                var header = reader.Headers.ToArray();
                if (header.Length == 0)
                {
                    throw new BadRowException($"{path}: the file is empty; it needs a header row naming its columns.", 1);
                }

                var shape = new TabularTable(path, header, [], skipped, options.Fix);
                var count = 0;
                while (reader.Read())
                {
                    var fields = new string[reader.FieldCount];
                    for (var i = 0; i < fields.Length; i++)
                    {
                        fields[i] = reader.GetString(i);
                    }

                    onRow(shape, new TabularRow(++count, (int)reader.LineNumber, fields));
                }

                return shape;
            }
            catch (CsvFormatException ex)
            {
                throw Explain(ex, File.ReadAllBytes(path), path, options.Fix);
            }
        }
    }

    internal static void CheckSize(string path, TabularOptions options)
    {
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            throw new AssayException($"{path}: file not found; check the path (relative paths start at the study file's folder).");
        }

        if (info.Length > options.MaxBytes)
        {
            throw new AssayException($"{path}: {info.Length:N0} bytes, more than the {options.MaxBytes:N0} accepted; split the file.");
        }
    }

    private static AssayException Explain(CsvFormatException ex, byte[] bytes, string path, string fix)
    {
        if (QuoteScan.UnclosedAt(bytes) >= 0)
        {
            return Unclosed(bytes, path, fix);
        }

        var line = (int)ex.LineNumber;
        var what = ex.Message.Contains("fields", StringComparison.OrdinalIgnoreCase) && ex.Message.Contains("expected", StringComparison.OrdinalIgnoreCase)
            ? "the row has a different number of fields than the header (a cut row, or a comma or quote not escaped)"
            : $"malformed quoting ({ex.Message.TrimEnd('.')})";
        return new BadRowException($"{path} line {line}: {what}; fix the row ({fix}).", line);
    }

    private static BadRowException Unclosed(byte[] bytes, string path, string fix)
    {
        var (line, column) = TextChecks.Position(bytes, QuoteScan.UnclosedAt(bytes));
        return new BadRowException($"{path} line {line}, column {column}: a quote opened here is never closed, so the file is cut short or a quote inside a field is not doubled; close it or double it (\"\") ({fix}).", line, column);
    }

    private static string Describe(CsvMalformedReason reason) => reason switch
    {
        CsvMalformedReason.FieldCountMismatch => "a different number of fields than the header",
        CsvMalformedReason.StrayQuote => "a quote inside an unquoted field",
        CsvMalformedReason.TextAfterClosingQuote => "text after a closing quote",
        _ => reason.ToString(),
    };
}
