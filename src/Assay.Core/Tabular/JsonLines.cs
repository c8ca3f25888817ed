using System.Text.Json;

namespace Assay.Tabular;

/// <summary>One object of a JSON Lines file with the line it is on.</summary>
public sealed record JsonLine(int Line, JsonElement Value);

/// <summary>A JSON Lines file read by <see cref="JsonLines"/>: the objects kept and the lines skipped.</summary>
public sealed record JsonLinesFile(string Path, IReadOnlyList<JsonLine> Lines, IReadOnlyList<SkippedRow> Skipped);

/// <summary>
/// The strict JSON Lines reader, with the CSV reader's rules: UTF-8 without NUL, every non-blank
/// line one JSON object, errors naming file, line and column (exit 2), or with
/// <see cref="BadRows.Skip"/> the bad lines listed. A caller's own check of a line's content can
/// throw <see cref="BadRowException"/> through <see cref="Select{T}"/> to get the same treatment.
/// </summary>
public static class JsonLines
{
    public static JsonLinesFile Read(string path, TabularOptions? options = null)
    {
        options ??= new TabularOptions();
        var bytes = TabularReader.ReadBytes(path, options);
        TextChecks.RequireCleanUtf8(bytes, path, options.Fix);
        var lines = new List<JsonLine>();
        var skipped = new List<SkippedRow>();
        var span = bytes.AsSpan();
        if (span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            span = span[3..];
        }

        var number = 0;
        while (span.Length > 0)
        {
            number++;
            var end = span.IndexOf((byte)'\n');
            var text = end < 0 ? span : span[..end];
            span = end < 0 ? [] : span[(end + 1)..];
            if (text.Trim(" \t\r"u8).IsEmpty)
            {
                continue;
            }

            try
            {
                using var doc = JsonDocument.Parse(text.ToArray());
                if (doc.RootElement.ValueKind != JsonValueKind.Object)
                {
                    throw new BadRowException($"{path} line {number}, column 1: a JSON {doc.RootElement.ValueKind.ToString().ToLowerInvariant()}, not an object; each line must be one JSON object ({options.Fix}).", number, 1);
                }

                lines.Add(new JsonLine(number, doc.RootElement.Clone()));
            }
            catch (JsonException ex)
            {
                var column = (int)(ex.BytePositionInLine ?? 0) + 1;
                var problem = new BadRowException($"{path} line {number}, column {column}: not valid JSON ({ex.Message.Split(". ")[0].TrimEnd('.')}); each line must be one complete JSON object ({options.Fix}).", number, column);
                Handle(problem, options, skipped);
            }
            catch (BadRowException problem)
            {
                Handle(problem, options, skipped);
            }
        }

        return new JsonLinesFile(path, lines, skipped);
    }

    /// <summary>Maps each line; a <see cref="BadRowException"/> from <paramref name="map"/> stops, or with Skip, lists the line.</summary>
    public static List<T> Select<T>(JsonLinesFile file, Func<JsonLine, T> map, TabularOptions options, List<SkippedRow> skipped)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(options);
        var result = new List<T>();
        foreach (var line in file.Lines)
        {
            try
            {
                result.Add(map(line));
            }
            catch (BadRowException problem)
            {
                Handle(problem, options, skipped);
            }
        }

        return result;
    }

    private static void Handle(BadRowException problem, TabularOptions options, List<SkippedRow> skipped)
    {
        if (options.BadRows == BadRows.Fail)
        {
            throw problem;
        }

        skipped.Add(new SkippedRow(problem.Line, problem.Message));
    }
}
