using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Assay.Credit.Data;

namespace Assay.Credit.Scorecard;

/// <summary>
/// Scores applicants straight from CSV bytes: fields are cut as spans and parsed in place
/// (numbers with Utf8Parser, levels looked up through a span-keyed dictionary), so no string is
/// made per field. The preparation rules are the fitted ones (the same as <see cref="Preprocessor"/>):
/// emp_length, term, months_since, fills; a value that is not what its column needs stops the run
/// with its line, as the string path does. Rows are split across cores at line ends when the file
/// has no quoted fields (a quoted field may hold a line break).
/// </summary>
internal sealed class CsvSpanScorer
{
    private readonly ScorecardModel _model;
    private readonly Column[] _columns;

    private CsvSpanScorer(ScorecardModel model, Column[] columns)
    {
        _model = model;
        _columns = columns;
    }

    /// <summary>Scores of every data row, in file order.</summary>
    public static int[] Score(ScorecardModel model, byte[] csv, string source)
    {
        var bodyStart = csv.AsSpan().StartsWith("\uFEFF"u8) ? 3 : 0;
        var headerEnd = csv.AsSpan(bodyStart).IndexOf((byte)'\n');
        var headerBytes = headerEnd < 0 ? csv.AsSpan(bodyStart) : csv.AsSpan(bodyStart, headerEnd);
        var header = Encoding.UTF8.GetString(headerBytes).TrimEnd('\r').Split(',').Select(h => h.Trim().Trim('"')).ToList();
        var scorer = new CsvSpanScorer(model, [.. model.Variables.Select(v => Column.For(v, model.Inputs, header, source))]);
        bodyStart = headerEnd < 0 ? csv.Length : bodyStart + headerEnd + 1;
        var starts = RowStarts(csv, bodyStart);
        var scores = new int[starts.Count - 1];
        var quoted = csv.AsSpan(bodyStart).IndexOf((byte)'"') >= 0;
        var blocks = quoted ? 1 : Math.Max(1, Math.Min(Environment.ProcessorCount * 4, scores.Length / 65536));
        try
        {
            Parallel.For(0, blocks, b =>
            {
                var from = (int)((long)scores.Length * b / blocks);
                var to = (int)((long)scores.Length * (b + 1) / blocks);
                var line = 2 + csv.AsSpan(bodyStart, (from < starts.Count ? starts[from] : csv.Length) - bodyStart).Count((byte)'\n');
                scorer.ScoreRows(csv, starts, from, to, line, scores, source);
            });
        }
        catch (AggregateException ex) when (ex.InnerExceptions.OfType<AssayException>().FirstOrDefault() is { } bad)
        {
            // A bad value is a user error, whichever block met it first.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(bad).Throw();
        }

        return scores;
    }

    /// <summary>Absolute start offset of each non-empty line, plus the end; line breaks inside quoted fields do not split (RFC 4180).</summary>
    private static List<int> RowStarts(byte[] csv, int bodyStart)
    {
        var starts = new List<int>((csv.Length - bodyStart) / 64);
        var inQuotes = false;
        var lineStart = bodyStart;

        // Vectorized jumps to the next quote or line break (a row is many bytes between them).
        var i = bodyStart;
        while (i < csv.Length)
        {
            var next = csv.AsSpan(i).IndexOfAny((byte)'"', (byte)'\n');
            if (next < 0)
            {
                break;
            }

            i += next;
            if (csv[i] == (byte)'"')
            {
                inQuotes = !inQuotes;
            }
            else if (!inQuotes)
            {
                if (i > lineStart && !(i == lineStart + 1 && csv[lineStart] == (byte)'\r'))
                {
                    starts.Add(lineStart);
                }

                lineStart = i + 1;
            }

            i++;
        }

        if (lineStart < csv.Length)
        {
            starts.Add(lineStart);
        }

        starts.Add(csv.Length);
        return starts;
    }

    private void ScoreRows(byte[] csv, List<int> starts, int from, int to, int line, int[] scores, string source)
    {
        var fields = new (int Start, int Length)[_columns.Max(c => Math.Max(c.Index, c.FillIndex)) + 1];
        for (var r = from; r < to; r++)
        {
            var row = csv.AsSpan(starts[r], starts[r + 1] - starts[r]);
            Split(row, fields, starts[r]);
            var score = _model.InterceptPoints;
            foreach (var c in _columns)
            {
                score += c.Points(csv, fields, line, source);
            }

            scores[r] = score;
            line += row.Count((byte)'\n');
        }
    }

    private static readonly System.Buffers.SearchValues<byte> FieldStops = System.Buffers.SearchValues.Create(",\n\r\""u8);

    /// <summary>Field positions (absolute offsets) of the first fields.Length fields of a row.</summary>
    private static void Split(ReadOnlySpan<byte> row, (int Start, int Length)[] fields, int offset)
    {
        var f = 0;
        var i = 0;
        while (f < fields.Length)
        {
            var start = i;
            var inQuotes = false;
            while (i < row.Length)
            {
                // Vectorized: jump to the next byte that can end or quote a field.
                var next = inQuotes ? row[i..].IndexOf((byte)'"') : row[i..].IndexOfAny(FieldStops);
                if (next < 0)
                {
                    i = row.Length;
                    break;
                }

                i += next;
                if (row[i] == (byte)'"')
                {
                    inQuotes = !inQuotes;
                    i++;
                    continue;
                }

                break; // a comma or a line end outside quotes
            }

            fields[f++] = (offset + start, i - start);
            if (i >= row.Length || row[i] != (byte)',')
            {
                break;
            }

            i++;
        }

        for (; f < fields.Length; f++)
        {
            fields[f] = (offset, 0);
        }
    }

    /// <summary>One scorecard variable: its raw column, preparation rule and points per class.</summary>
    private sealed class Column
    {
        private readonly ScorecardVariable _variable;
        private readonly ColumnPrep _prep;
        private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _levels;
        private readonly ConcurrentDictionary<string, double>.AlternateLookup<ReadOnlySpan<char>> _dates = new ConcurrentDictionary<string, double>(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        private readonly int _refYear;
        private readonly int _refMonth;

        private Column(ScorecardVariable variable, ColumnPrep prep, int index, int fillIndex)
        {
            _variable = variable;
            _prep = prep;
            Index = index;
            FillIndex = fillIndex;
            _levels = new Dictionary<string, int>(variable.Bins.Levels, StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
            (_refYear, _refMonth) = prep.Type == "months_since" ? ValueParsers.ReferenceMonth(prep.ReferenceDate) : (0, 0);
        }

        public int Index { get; }

        public int FillIndex { get; }

        public static Column For(ScorecardVariable v, IReadOnlyList<ColumnPrep> inputs, List<string> header, string source)
        {
            var prep = inputs.FirstOrDefault(p => p.Name == v.Name) ?? new ColumnPrep { Name = v.Name, Type = v.Bins.Categorical ? "categorical" : "numeric" };
            int IndexOf(string name) => header.IndexOf(name) is var i and >= 0 ? i
                : throw new AssayException($"{source}: column '{name}' is missing; the scorecard needs {string.Join(", ", inputs.Select(p => p.Name))}.");
            return new Column(v, prep, IndexOf(v.Name), prep.Missing == "column" ? IndexOf(prep.FillColumn!) : 0);
        }

        public int Points(byte[] body, (int Start, int Length)[] fields, int line, string source)
        {
            var text = Field(body, fields[Index]);
            Span<char> chars = stackalloc char[256];
            if (_variable.Bins.Categorical)
            {
                if (text.IsEmpty)
                {
                    return _variable.PointsOf(_variable.Bins.MissingClass);
                }

                var level = Decode(text, chars);
                return _variable.PointsOf(_levels.TryGetValue(level, out var k) ? k : -1);
            }

            var x = Prepared(text, chars, body, fields, line, source);
            return _variable.PointsOf(_variable.Bins.ClassOf(x));
        }

        private double Prepared(ReadOnlySpan<byte> text, Span<char> chars, byte[] body, (int Start, int Length)[] fields, int line, string source)
        {
            var v = text.IsEmpty ? double.NaN : _prep.Type switch
            {
                "emp_length" => text.IndexOf((byte)'<') >= 0 ? 0 : LeadingInteger(text),
                "term" => LeadingInteger(text) is var t && !double.IsNaN(t) ? t : throw Bad(text, line, source, "a term such as '36 months'"),
                "months_since" => MonthsSince(text, chars, line, source),
                _ => Number(text, chars) is var n && !double.IsNaN(n) ? n : throw Bad(text, line, source, "a number"),
            };
            if (!double.IsNaN(v))
            {
                return v;
            }

            return _prep.Missing switch
            {
                "keep" => double.NaN,
                "column" => Number(Field(body, fields[FillIndex]), chars) is var f && !double.IsNaN(f) ? f : _prep.FillValue ?? 0,
                _ => _prep.FillValue ?? 0,
            };
        }

        private double MonthsSince(ReadOnlySpan<byte> text, Span<char> chars, int line, string source)
        {
            var s = Decode(text, chars);
            if (!_dates.TryGetValue(s, out var v))
            {
                v = ValueParsers.MonthsSince(s.ToString(), _prep.DateFormat, _refYear, _refMonth);
                _dates.TryAdd(s, v);
            }

            return double.IsNaN(v) ? throw Bad(text, line, source, $"a date in the format {_prep.DateFormat}") : v;
        }

        private AssayException Bad(ReadOnlySpan<byte> text, int line, string source, string expected) =>
            new($"{source} line {line}: column '{_prep.Name}' has '{Encoding.UTF8.GetString(text)}', which is not {expected}; fix the value.");

        /// <summary>A field without surrounding spaces and quotes (doubled quotes inside are rare in scored columns and left as they are).</summary>
        private static ReadOnlySpan<byte> Field(byte[] body, (int Start, int Length) f)
        {
            var s = body.AsSpan(f.Start, f.Length).Trim((byte)' ').TrimEnd((byte)'\r');
            if (s.Length >= 2 && s[0] == (byte)'"' && s[^1] == (byte)'"')
            {
                s = s[1..^1].Trim((byte)' ');
            }

            return s;
        }

        private static ReadOnlySpan<char> Decode(ReadOnlySpan<byte> text, Span<char> chars)
        {
            var n = Encoding.UTF8.GetChars(text[..Math.Min(text.Length, chars.Length)], chars);
            return chars[..n].Trim();
        }

        private static double Number(ReadOnlySpan<byte> text, Span<char> chars)
        {
            if (text.IsEmpty)
            {
                return double.NaN;
            }

            var t = text[^1] == (byte)'%' ? text[..^1].TrimEnd((byte)' ') : text;
            if (Utf8Parser.TryParse(t, out double v, out var used) && used == t.Length && double.IsFinite(v))
            {
                return v;
            }

            // Thousands separators and other forms the string path accepts.
            return double.TryParse(Decode(t, chars), NumberStyles.Float | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out v) && double.IsFinite(v) ? v : double.NaN;
        }

        private static double LeadingInteger(ReadOnlySpan<byte> text)
        {
            var value = 0;
            var any = false;
            foreach (var b in text)
            {
                if (b is >= (byte)'0' and <= (byte)'9')
                {
                    value = (value * 10) + (b - '0');
                    any = true;
                }
                else if (any)
                {
                    break;
                }
            }

            return any ? value : double.NaN;
        }
    }
}
