using System.Security.Cryptography;
using System.Text;

namespace Assay.Migration.Datasets;

/// <summary>
/// Item ids by content: the same document is the same item wherever it appears (a dataset row,
/// the middle of a recorded prompt, a candidate's results), whatever its line breaks or spacing.
/// </summary>
public static class ItemIds
{
    /// <summary>The first 16 hex digits (lower case) of SHA-256 over the normalised text.</summary>
    public static string For(string document)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(Normalise(document)));
        return Convert.ToHexStringLower(bytes.AsSpan(0, 8));
    }

    /// <summary>Unicode NFC, every run of whitespace one space, trimmed: what a copy through a prompt template preserves.</summary>
    public static string Normalise(string text)
    {
        var composed = text.Normalize(NormalizationForm.FormC);
        var builder = new StringBuilder(composed.Length);
        var pendingSpace = false;
        foreach (var c in composed)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }
}
