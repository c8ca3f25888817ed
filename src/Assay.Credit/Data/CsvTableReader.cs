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

        return Read(new StringReader(DecodeStrict(File.ReadAllBytes(path), path)), path, keep);
    }

    /// <summary>The file's text as UTF-8 (a leading BOM dropped); invalid bytes or NUL are refused with their line.</summary>
    internal static string DecodeStrict(byte[] bytes, string source)
    {
        var span = bytes.AsSpan();
        if (span.StartsWith("\uFEFF"u8))
        {
            span = span[3..];
        }

        if (!System.Text.Unicode.Utf8.IsValid(span))
        {
            var at = 0;
            while (Rune.DecodeFromUtf8(span[at..], out _, out var used) == System.Buffers.OperationStatus.Done)
            {
                at += used;
            }

            throw new AssayException($"{source} line {LineAt(span, at)}: the bytes are not valid UTF-8 (byte 0x{span[at]:X2} at offset {at}); save the file as UTF-8 (e.g. iconv -f latin1 -t utf-8).");
        }

        var nul = span.IndexOf((byte)0);
        if (nul >= 0)
        {
            throw new AssayException($"{source} line {LineAt(span, nul)}: the file holds a NUL byte, so it is not a text CSV; export it again as CSV text.");
        }

        return Encoding.UTF8.GetString(span);
    }

    private static int LineAt(ReadOnlySpan<byte> bytes, int offset) => bytes[..offset].Count((byte)'\n') + 1;

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

            if (record.Count != names.Count)
            {
                throw new AssayException($"{source} line {line}: {record.Count} fields where the header has {names.Count}; every row needs one value per column (quote values that contain commas).");
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

    /// <summary>Parses the whole text with spans: unquoted fields are cut straight out of it.</summary>
    private sealed class Parser(TextReader reader)
    {
        private readonly string _text = reader.ReadToEnd();
        private readonly StringBuilder _field = new();
        private int _pos;
        private int _line = 1;

        /// <summary>The next record and the line it starts on, or null at the end.</summary>
        public List<string>? ReadRecord(out int startLine)
        {
            startLine = _line;
            var text = _text;
            if (_pos >= text.Length)
            {
                return null;
            }

            var fields = new List<string>();
            while (true)
            {
                if (_pos < text.Length && text[_pos] == '"')
                {
                    _pos++;
                    _field.Clear();
                    while (_pos < text.Length)
                    {
                        var c = text[_pos++];
                        if (c == '"')
                        {
                            if (_pos < text.Length && text[_pos] == '"')
                            {
                                _field.Append('"');
                                _pos++;
                                continue;
                            }

                            break;
                        }

                        if (c == '\n')
                        {
                            _line++;
                        }

                        _field.Append(c);
                    }

                    // Anything between the closing quote and the separator is kept, as most readers do.
                    var rest = _pos;
                    while (_pos < text.Length && text[_pos] is not (',' or '\n' or '\r'))
                    {
                        _pos++;
                    }

                    _field.Append(text, rest, _pos - rest);
                    fields.Add(_field.ToString());
                }
                else
                {
                    var from = _pos;
                    while (_pos < text.Length && text[_pos] is not (',' or '\n' or '\r'))
                    {
                        _pos++;
                    }

                    fields.Add(text.Substring(from, _pos - from));
                }

                if (_pos >= text.Length)
                {
                    return fields;
                }

                var sep = text[_pos++];
                if (sep == ',')
                {
                    continue;
                }

                if (sep == '\r' && _pos < text.Length && text[_pos] == '\n')
                {
                    _pos++;
                }

                _line++;
                return fields;
            }
        }
    }
}
