using System.Globalization;
using Assay.Tabular;

namespace Assay.Migration.Outputs;

/// <summary>
/// The study's CSV files through the one CSV writer (<see cref="TabularWriter"/>: RFC 4180 quoting,
/// LF line ends, read back unchanged by <see cref="TabularReader"/>), with invariant-culture numbers.
/// </summary>
internal static class CsvText
{
    /// <summary>Streams the rows into a file (written atomically): a table of 100,000 rows never sits in memory whole.</summary>
    public static Task WriteFileAsync(string path, (IEnumerable<string> Header, IEnumerable<IEnumerable<string?>> Rows) table, CancellationToken cancellationToken) =>
        Task.Run(() => AtomicFile.Write(path, writer => Write(writer, table.Header, table.Rows)), cancellationToken);

    public static string Number(double? v) => v is { } x && double.IsFinite(x) ? x.ToString("R", CultureInfo.InvariantCulture) : "";

    private static void Write(TextWriter writer, IEnumerable<string> header, IEnumerable<IEnumerable<string?>> rows) =>
        TabularWriter.Write(writer, [.. header], rows.Select(r => r as IReadOnlyList<string?> ?? [.. r]));
}
