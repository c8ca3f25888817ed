namespace Assay.Tabular;

/// <summary>Finds where an unclosed RFC 4180 quote opened, so the error can point at it rather than at the end of the file.</summary>
internal static class QuoteScan
{
    /// <summary>Byte offset of the opening quote of a field that never closes; -1 when every quote closes.</summary>
    public static int UnclosedAt(ReadOnlySpan<byte> bytes)
    {
        var inQuotes = false;
        var opened = -1;
        var atFieldStart = true;
        for (var i = 0; i < bytes.Length; i++)
        {
            var b = bytes[i];
            if (inQuotes)
            {
                if (b == '"')
                {
                    if (i + 1 < bytes.Length && bytes[i + 1] == '"')
                    {
                        i++;
                    }
                    else
                    {
                        inQuotes = false;
                    }
                }

                continue;
            }

            if (b == '"' && atFieldStart)
            {
                inQuotes = true;
                opened = i;
            }

            atFieldStart = b is (byte)',' or (byte)'\n' or (byte)'\r';
        }

        return inQuotes ? opened : -1;
    }
}
