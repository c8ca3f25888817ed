using System.Globalization;
using CsvHelper;

namespace Assay.Migration.Outputs;

/// <summary>Writes the study's CSV files with CsvHelper: RFC 4180 quoting, CRLF line ends, invariant-culture numbers.</summary>
internal static class CsvText
{
    public static string Write((IEnumerable<string> Header, IEnumerable<IEnumerable<string?>> Rows) table) => Write(table.Header, table.Rows);

    /// <summary>Streams a table into a file (written atomically), row by row.</summary>
    public static Task WriteFileAsync(string path, (IEnumerable<string> Header, IEnumerable<IEnumerable<string?>> Rows) table, CancellationToken cancellationToken) =>
        WriteFileAsync(path, table.Header, table.Rows, cancellationToken);

    public static string Write(IEnumerable<string> header, IEnumerable<IEnumerable<string?>> rows)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        Write(text, header, rows);
        return text.ToString();
    }

    /// <summary>Streams the rows into a file (written atomically): a table of 100,000 rows never sits in memory whole.</summary>
    public static Task WriteFileAsync(string path, IEnumerable<string> header, IEnumerable<IEnumerable<string?>> rows, CancellationToken cancellationToken) =>
        Task.Run(() => AtomicFile.Write(path, writer => Write(writer, header, rows)), cancellationToken);

    private static void Write(TextWriter writer, IEnumerable<string> header, IEnumerable<IEnumerable<string?>> rows)
    {
        using var csv = CsvWriter.Create(writer, options: null, leaveOpen: true);
        Record(csv, header);
        foreach (var row in rows)
        {
            Record(csv, row);
        }

        csv.Flush();
    }

    public static string Number(double? v) => v is { } x && double.IsFinite(x) ? x.ToString("R", CultureInfo.InvariantCulture) : "";

    private static void Record(CsvWriter csv, IEnumerable<string?> cells)
    {
        foreach (var cell in cells)
        {
            csv.WriteField(cell ?? "");
        }

        csv.EndRecord();
    }
}
