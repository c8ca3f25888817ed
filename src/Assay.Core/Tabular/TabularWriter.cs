using CsvHelper;

namespace Assay.Tabular;

/// <summary>
/// The one CSV writer: RFC 4180 (fields with a comma, quote or line break are quoted, quotes
/// doubled), UTF-8, every row the header's field count, so what it writes reads back through
/// <see cref="TabularReader"/> unchanged. Text that a spreadsheet would run as a formula is left
/// as is: these files are data for Assay, not for spreadsheets.
/// </summary>
public static class TabularWriter
{
    public static void Write(TextWriter destination, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string?>> rows)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(rows);
        using var csv = CsvWriter.Create(destination, CsvWriterOptions.Default with { NewLine = "\n", Injection = CsvInjection.None }, leaveOpen: true);
        csv.WriteHeader([.. header]);
        foreach (var row in rows)
        {
            csv.WriteRecord([.. row]);
        }
    }

    /// <summary>Writes the file through <see cref="AtomicFile"/>: never half-written.</summary>
    public static void WriteFile(string path, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string?>> rows) =>
        AtomicFile.Write(path, writer => Write(writer, header, rows));
}
