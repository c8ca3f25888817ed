using System.Globalization;

namespace Assay.Credit.Data;

/// <summary>Text-to-number rules for the Lending Club fields the course prepares (emp_length, term, dates).</summary>
internal static class ValueParsers
{
    public static bool TryNumber(string text, out double value)
    {
        var s = text.AsSpan().Trim();
        if (s.EndsWith("%"))
        {
            s = s[..^1].TrimEnd();
        }

        return double.TryParse(s, NumberStyles.Float | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
    }

    /// <summary>"10+ years" -> 10, "&lt; 1 year" -> 0, "3 years" -> 3; anything else (n/a) is missing.</summary>
    public static double EmpLength(string text)
    {
        if (text.Contains('<', StringComparison.Ordinal))
        {
            return 0;
        }

        return LeadingInteger(text);
    }

    /// <summary>" 36 months" -> 36.</summary>
    public static double Term(string text) => LeadingInteger(text);

    /// <summary>Months from the date to the reference month (positive for dates before it).</summary>
    public static double MonthsSince(string text, string format, int refYear, int refMonth)
    {
        if (!DateTime.TryParseExact(text.Trim(), format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return double.NaN;
        }

        return ((refYear - date.Year) * 12) + (refMonth - date.Month);
    }

    public static (int Year, int Month) ReferenceMonth(string referenceDate)
    {
        if (!DateTime.TryParseExact(referenceDate.Trim(), ["yyyy-MM", "yyyy-MM-dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
        {
            throw new AssayException($"reference_date is '{referenceDate}'; write it as yyyy-MM, e.g. 2017-12.");
        }

        return (d.Year, d.Month);
    }

    private static double LeadingInteger(string text)
    {
        var value = 0;
        var any = false;
        foreach (var ch in text)
        {
            if (char.IsAsciiDigit(ch))
            {
                value = (value * 10) + (ch - '0');
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
