using System.Text;

namespace Assay.Models.Replay;

/// <summary>
/// A small RFC 4180 reader (quoted fields, doubled quotes, line breaks inside quotes) for
/// recordings. Yields each record with the line it starts on, so errors can name it.
/// </summary>
internal static class CsvRecords
{
    public static IEnumerable<(int Line, List<string> Fields)> Read(TextReader reader, string path)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var recordLine = 1;
        var inQuotes = false;
        var atFieldStart = true;
        int c;
        while ((c = reader.Read()) != -1)
        {
            var ch = (char)c;
            if (inQuotes)
            {
                if (ch == '"')
                {
                    if (reader.Peek() == '"')
                    {
                        reader.Read();
                        field.Append('"');
                    }
                    else
                    {
                        inQuotes = false;
                    }
                }
                else
                {
                    if (ch == '\n')
                    {
                        line++;
                    }

                    field.Append(ch);
                }

                continue;
            }

            switch (ch)
            {
                case '"' when atFieldStart:
                    inQuotes = true;
                    atFieldStart = false;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    atFieldStart = true;
                    break;
                case '\r':
                    break;
                case '\n':
                    fields.Add(field.ToString());
                    field.Clear();
                    if (fields.Count > 1 || fields[0].Length > 0)
                    {
                        yield return (recordLine, fields);
                    }

                    fields = [];
                    line++;
                    recordLine = line;
                    atFieldStart = true;
                    break;
                default:
                    field.Append(ch);
                    atFieldStart = false;
                    break;
            }
        }

        if (inQuotes)
        {
            throw new AssayException($"Recording '{path}' line {recordLine}: a quoted field is never closed; the file is cut short or a quote is not doubled.");
        }

        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            yield return (recordLine, fields);
        }
    }
}
