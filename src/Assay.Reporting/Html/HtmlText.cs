using System.Text;

namespace Assay.Reporting.Html;

/// <summary>Escapes text for HTML content and attribute values: every user string goes through here.</summary>
internal static class HtmlText
{
    public static string Encode(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var sb = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            sb.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ => c.ToString(),
            });
        }

        return sb.ToString();
    }

    /// <summary>A readable, unique anchor id for a heading: "s2-latency-and-cost".</summary>
    public static string Anchor(int index, string heading)
    {
        var sb = new StringBuilder("s" + index.ToString(System.Globalization.CultureInfo.InvariantCulture) + "-");
        var dash = false;
        foreach (var c in heading.ToLowerInvariant())
        {
            if (c is (>= 'a' and <= 'z') or (>= '0' and <= '9'))
            {
                sb.Append(c);
                dash = false;
            }
            else if (!dash && sb[^1] != '-')
            {
                sb.Append('-');
                dash = true;
            }

            if (sb.Length > 48)
            {
                break;
            }
        }

        return sb.ToString().TrimEnd('-');
    }
}
