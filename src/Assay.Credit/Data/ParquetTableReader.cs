using System.Globalization;
using Parquet;
using Parquet.Schema;

namespace Assay.Credit.Data;

/// <summary>
/// Reads a Parquet file (Parquet.Net) into a <see cref="RawTable"/>, column by column and row
/// group by row group, keeping only the columns asked for. Values become the text the CSV path
/// would hold (numbers in invariant round-trip form, nulls as missing), so preparation, scoring
/// and the error messages are the same for both formats; a row's "line" is its row number + 1,
/// the line it would have in the equivalent CSV.
/// </summary>
internal static class ParquetTableReader
{
    public static RawTable Read(string path, IReadOnlySet<string>? keep = null) => ReadAsync(path, keep).GetAwaiter().GetResult();

    private static async Task<RawTable> ReadAsync(string path, IReadOnlySet<string>? keep)
    {
        ParquetReader reader;
        var stream = File.OpenRead(path);
        try
        {
            reader = await ParquetReader.CreateAsync(stream);
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or NotSupportedException or ArgumentException || ex.GetType().Namespace?.StartsWith("Parquet", StringComparison.Ordinal) == true)
        {
            await stream.DisposeAsync();
            throw new AssayException($"{path} is not a readable Parquet file ({ex.Message}); export it again, or pass a CSV.", ex);
        }

        await using (reader)
        await using (stream)
        {
            var fields = reader.Schema.GetDataFields();
            var names = fields.Select(f => f.Name).ToList();
            var wanted = fields.Where(f => keep is null || keep.Contains(f.Name)).ToList();
            var buffers = wanted.ToDictionary(f => f.Name, _ => new List<string?>(), StringComparer.Ordinal);
            long rows = 0;
            for (var g = 0; g < reader.RowGroupCount; g++)
            {
                using var group = reader.OpenRowGroupReader(g);
                var n = checked((int)group.RowCount);
                rows += n;
                foreach (var field in wanted)
                {
                    await ReadColumnAsync(group, field, n, buffers[field.Name], path);
                }
            }

            if (rows == 0)
            {
                throw new AssayException($"{path} has no rows: it needs at least one loan.");
            }

            if (rows > int.MaxValue - 2)
            {
                throw new AssayException($"{path} has {rows:N0} rows; at most {int.MaxValue - 2:N0} can be read at once: split the file.");
            }

            var cols = buffers.ToDictionary(b => b.Key, b => (string?[])[.. b.Value], StringComparer.Ordinal);
            var lines = new int[rows];
            for (var i = 0; i < lines.Length; i++)
            {
                lines[i] = i + 2;
            }

            return new RawTable(path, names, cols, lines);
        }
    }

    private static async Task ReadColumnAsync(ParquetRowGroupReader group, DataField field, int n, List<string?> target, string path)
    {
        var t = field.ClrType;
        if (t == typeof(string) || t == typeof(ReadOnlyMemory<char>))
        {
            var values = new string?[n];
            await group.ReadAsync(field, values.AsMemory());
            target.AddRange(values.Select(v => string.IsNullOrWhiteSpace(v) ? null : v));
        }
        else if (t == typeof(double))
        {
            await ReadStructAsync<double>(group, field, n, target, d => double.IsNaN(d) ? null : d.ToString("R", CultureInfo.InvariantCulture));
        }
        else if (t == typeof(float))
        {
            await ReadStructAsync<float>(group, field, n, target, f => float.IsNaN(f) ? null : f.ToString("R", CultureInfo.InvariantCulture));
        }
        else if (t == typeof(int))
        {
            await ReadStructAsync<int>(group, field, n, target, i => i.ToString(CultureInfo.InvariantCulture));
        }
        else if (t == typeof(long))
        {
            await ReadStructAsync<long>(group, field, n, target, i => i.ToString(CultureInfo.InvariantCulture));
        }
        else if (t == typeof(bool))
        {
            await ReadStructAsync<bool>(group, field, n, target, b => b ? "true" : "false");
        }
        else if (t == typeof(DateTime))
        {
            await ReadStructAsync<DateTime>(group, field, n, target, d => d.ToString("MMM-yyyy", CultureInfo.InvariantCulture));
        }
        else
        {
            throw new AssayException($"{path}: column '{field.Name}' has Parquet type {t.Name}, which credit runs do not read; store it as a number, text, boolean or date.");
        }
    }

    private static async Task ReadStructAsync<T>(ParquetRowGroupReader group, DataField field, int n, List<string?> target, Func<T, string?> text)
        where T : struct
    {
        if (field.IsNullable)
        {
            var values = new T?[n];
            await group.ReadAsync<T>(field, values.AsMemory());
            target.AddRange(values.Select(v => v is { } x ? text(x) : null));
        }
        else
        {
            var values = new T[n];
            await group.ReadAsync<T>(field, values.AsMemory());
            target.AddRange(values.Select(text));
        }
    }
}

/// <summary>Reads loans from CSV or, by the .parquet extension, Parquet.</summary>
internal static class TableReader
{
    public static RawTable Read(string path, IReadOnlySet<string>? keep = null)
    {
        if (!File.Exists(path))
        {
            throw new AssayException($"data file {path} does not exist: check the data: setting or the --data path.");
        }

        return path.EndsWith(".parquet", StringComparison.OrdinalIgnoreCase) ? ParquetTableReader.Read(path, keep) : CsvTableReader.Read(path, keep);
    }
}
