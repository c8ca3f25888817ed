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
        var lines = new List<JsonLine>();
        var skipped = ForEach(path, options, line => lines.Add(line with { Value = line.Value.Clone() }));
        return new JsonLinesFile(path, lines, skipped);
    }

    /// <summary>
    /// Reads the file line by line under the same rules as <see cref="Read"/>, handing each object to
    /// <paramref name="onLine"/> instead of keeping it (its <see cref="JsonElement"/> is valid only during
    /// the call: clone what you keep), so a file of 100,000 lines is never held whole. Returns the
    /// lines skipped.
    /// </summary>
    public static IReadOnlyList<SkippedRow> ForEach(string path, TabularOptions? options, Action<JsonLine> onLine)
    {
        ArgumentNullException.ThrowIfNull(onLine);
        options ??= new TabularOptions();
        TabularReader.CheckSize(path, options);
        TextChecks.RequireCleanUtf8(path, options.Fix);
        var skipped = new List<SkippedRow>();
        var number = 0;
        foreach (var raw in ByteLines(path))
        {
            number++;
            var text = number == 1 && raw.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? raw.AsMemory(3) : raw.AsMemory();
            if (text.Span.Trim(" \t\r"u8).IsEmpty)
            {
                continue;
            }

            try
            {
                using var doc = JsonDocument.Parse(text);
                if (doc.RootElement.ValueKind != JsonValueKind.Object)
                {
                    throw new BadRowException($"{path} line {number}, column 1: a JSON {doc.RootElement.ValueKind.ToString().ToLowerInvariant()}, not an object; each line must be one JSON object ({options.Fix}).", number, 1);
                }

                onLine(new JsonLine(number, doc.RootElement));
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

        return skipped;
    }

    // The file's lines as bytes, split on LF only (as the whole-file reader did), read in 64 KiB blocks.
    private static IEnumerable<byte[]> ByteLines(string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        var block = new byte[64 * 1024];
        var line = new MemoryStream();
        int read;
        while ((read = file.Read(block, 0, block.Length)) > 0)
        {
            var start = 0;
            int end;
            while ((end = Array.IndexOf(block, (byte)'\n', start, read - start)) >= 0)
            {
                line.Write(block, start, end - start);
                yield return line.ToArray();
                line.SetLength(0);
                start = end + 1;
            }

            line.Write(block, start, read - start);
        }

        if (line.Length > 0)
        {
            yield return line.ToArray();
        }
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
