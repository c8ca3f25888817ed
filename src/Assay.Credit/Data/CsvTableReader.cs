using System.Text;

namespace Assay.Credit.Data;

/// <summary>
/// Reads a CSV file (RFC 4180: quoted fields, doubled quotes, line breaks inside quotes) into a
/// <see cref="RawTable"/>, keeping only the columns asked for and the line each row starts on.
/// Written here because the error messages need those line numbers.
/// </summary>
internal static class CsvTableReader
{
    public static RawTable Read(string path, IReadOnlySet<string>? keep = null)
    {
        if (!File.Exists(path))
        {
            throw new AssayException($"data file {path} does not exist: check the data: setting or the --data path.");
        }

        using var reader = new StreamReader(path, Encoding.UTF8, true, 1 << 16);
        return Read(reader, path, keep);
    }

    public static RawTable Read(TextReader text, string source, IReadOnlySet<string>? keep = null)
    {
        var parser = new Parser(text);
        var header = parser.ReadRecord(out _);
        if (header is null || (header.Count == 1 && string.IsNullOrWhiteSpace(header[0])))
        {
            throw new AssayException($"{source} is empty: it needs a header line and at least one data row.");
        }

        var indices = new List<(int Index, string Name)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var names = header.Select(h => h.Trim().TrimStart('\uFEFF')).ToList();
        for (var i = 0; i < names.Count; i++)
        {
            if (names[i].Length > 0 && seen.Add(names[i]) && (keep is null || keep.Contains(names[i])))
            {
                indices.Add((i, names[i]));
            }
        }

        var buffers = indices.Select(_ => new List<string?>()).ToArray();
        var lines = new List<int>();
        while (parser.ReadRecord(out var line) is { } record)
        {
            if (record.Count == 1 && string.IsNullOrWhiteSpace(record[0]))
            {
                continue;
            }

            lines.Add(line);
            for (var c = 0; c < indices.Count; c++)
            {
                var idx = indices[c].Index;
                var cell = idx < record.Count ? record[idx] : null;
                buffers[c].Add(string.IsNullOrWhiteSpace(cell) ? null : cell);
            }
        }

        if (lines.Count == 0)
        {
            throw new AssayException($"{source} has a header but no data rows: it needs at least one loan.");
        }

        var cols = new Dictionary<string, string?[]>(StringComparer.Ordinal);
        for (var c = 0; c < indices.Count; c++)
        {
            cols[indices[c].Name] = [.. buffers[c]];
        }

        return new RawTable(source, names, cols, [.. lines]);
    }

    private sealed class Parser(TextReader reader)
    {
        private readonly StringBuilder _field = new();
        private int _line = 1;

        /// <summary>The next record and the line it starts on, or null at the end.</summary>
        public List<string>? ReadRecord(out int startLine)
        {
            startLine = _line;
            var ch = reader.Read();
            if (ch < 0)
            {
                return null;
            }

            var fields = new List<string>();
            var quoted = false;
            var fieldStart = true;
            while (true)
            {
                if (ch < 0)
                {
                    fields.Add(_field.ToString());
                    _field.Clear();
                    return fields;
                }

                var c = (char)ch;
                if (quoted)
                {
                    if (c == '"')
                    {
                        if (reader.Peek() == '"')
                        {
                            reader.Read();
                            _field.Append('"');
                        }
                        else
                        {
                            quoted = false;
                        }
                    }
                    else
                    {
                        if (c == '\n')
                        {
                            _line++;
                        }

                        _field.Append(c);
                    }
                }
                else if (c == '"' && fieldStart)
                {
                    quoted = true;
                    fieldStart = false;
                }
                else if (c == ',')
                {
                    fields.Add(_field.ToString());
                    _field.Clear();
                    fieldStart = true;
                }
                else if (c is '\n' or '\r')
                {
                    if (c == '\r' && reader.Peek() == '\n')
                    {
                        reader.Read();
                    }

                    _line++;
                    fields.Add(_field.ToString());
                    _field.Clear();
                    return fields;
                }
                else
                {
                    _field.Append(c);
                    fieldStart = false;
                }

                ch = reader.Read();
            }
        }
    }
}
